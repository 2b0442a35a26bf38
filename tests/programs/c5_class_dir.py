print(dir())
x = 1


def f(a, b=2):
    c = a + b
    print(dir())


f(1)


class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return "..."


class Dog(Animal):
    def speak(self):
        return "woof"


d = Dog("rex")
print(dir(d))
print([n for n in dir(Dog) if not n.startswith("__")])
print(dir(object))
print(dir(int))
print(dir(list))
print(dir(dict))
print(dir(str) == dir(""), "append" in dir([]), "keys" in dir({}))
print(dir(Animal) == dir(Dog))
print(sorted(dir()))
