class Animal:
    def speak(self):
        return "..."


class Dog(Animal):
    def speak(self):
        return "woof"


def loudest[A: Animal](animals: list) -> A:
    return animals[-1]


def concat[S: (str, list)](a: S, b: S) -> S:
    return a + b


A, = loudest.__type_params__
S, = concat.__type_params__
print(A, A.__bound__, A.__constraints__)
print(S, S.__bound__, S.__constraints__)
print(loudest([Animal(), Dog()]).speak())
print(concat("ab", "cd"), concat([1], [2]))


def lazy[T: NotYetDefined]():
    pass


T, = lazy.__type_params__
print("bound not evaluated yet:", T)
NotYetDefined = int
print(T.__bound__)
