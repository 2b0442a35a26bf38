from abc import ABC, abstractmethod

class Shape(ABC):
    @abstractmethod
    def area(self):
        pass

    def describe(self):
        return f'{type(self).__name__} with area {self.area()}'

class Square(Shape):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2

print(Square(3).describe())
try:
    Shape()
except TypeError as e:
    print(e)

class Animal(ABC):
    @abstractmethod
    def speak(self): ...
    @abstractmethod
    def move(self): ...

class Half(Animal):
    def speak(self):
        return 'hi'

for cls in (Animal, Half):
    try:
        cls()
    except TypeError as e:
        print(e)
