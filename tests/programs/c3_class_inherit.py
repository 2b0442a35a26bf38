class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
class Dog(Animal):
    def speak(self):
        return super().speak() + " (woof)"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
p = Puppy("rex", 1)
print(p.speak(), p.age)
print(issubclass(Puppy, Animal), isinstance(p, Dog))
print([c.__name__ for c in Puppy.__mro__])
print(Puppy.__bases__)
