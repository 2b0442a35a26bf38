class A:
    cls_attr = 1
    def __init__(self):
        self.x = 1
a = A()
print(getattr(a, "x"), getattr(a, "nope", "dflt"), hasattr(a, "x"), hasattr(a, "y"))
setattr(a, "y", 2)
print(a.y, vars(a))
print(dir(a))
print(isinstance(1, int), isinstance(True, int), isinstance("s", (int, str)), issubclass(bool, int))
print(type(1), type("a"), type([]), type(None), type(A), type(type))
print(hash(1) == hash(1.0), hash("a") == hash("a"), hash(None) == hash(None))
print(next(iter("z")), object().__class__)
print(slice(1, 2), range(3), frozenset(), set(), dict(), list(), tuple(), str(), int(), float())
print(isinstance(globals(), dict), "A" in globals(), type(id(a)))
def f():
    v = 5
    return locals()
print(f())
print(zip, map, filter, enumerate, reversed, len, print)
x = input()
print("read:", x)
