from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


sq = Square(3)
print(sq.describe(), sq.perimeter(), isinstance(sq, Shape), type(Shape).__name__)
print(sorted(Shape.__abstractmethods__), Square.__abstractmethods__)
try:
    Shape()
except TypeError as e:
    print(e)


class Half(Shape):
    def area(self):
        return 1


try:
    Half()
except TypeError as e:
    print(e)


class Base(metaclass=ABCMeta):
    @abstractmethod
    def run(self):
        pass


class Impl(Base):
    def run(self):
        return "running"


print(Impl().run(), isinstance(Base, ABCMeta))
Base()
