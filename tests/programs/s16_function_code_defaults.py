# A function's __defaults__ and __code__ replaced at run time: calls (run mode's plain calls
# too, which keep what they need of the code in the function object) follow the new ones;
# deleting them, and __name__ / __qualname__ set to a non-str, raise as in CPython.
def f(a=1):
    return a
f.__defaults__ = (5,)
print(f(), f.__defaults__)
f.__defaults__ = None
try:
    f()
except TypeError as e:
    print(e)
try:
    f.__defaults__ = [1]
except TypeError as e:
    print(e)
def g(a, b=2):
    return a + b
f.__code__ = g.__code__
print(f.__code__ is g.__code__, f.__code__.co_argcount, f.__name__)
print(f(1, 2))
f.__defaults__ = (10,)
print(f(1))
try:
    f(1)
    f()
except TypeError as e:
    print(e)
try:
    f.__code__ = 3
except TypeError as e:
    print(e)
def outer():
    x = 1
    def inner():
        return x
    return inner
h = outer()
try:
    f.__code__ = h.__code__
except ValueError as e:
    print(e)
def k(a):
    return a * 2
print([k(i) for i in range(3)])
k.__code__ = g.__code__
k.__defaults__ = (100,)
print([k(i) for i in range(3)])
def m(a=1):
    return a
for n in ["__code__", "__name__", "__qualname__", "__defaults__"]:
    try:
        delattr(m, n)
        print(n, "deleted", getattr(m, n, "gone"))
    except TypeError as e:
        print(n, e)
for n in ["__name__", "__qualname__"]:
    try:
        setattr(m, n, 3)
    except TypeError as e:
        print(n, e)
m.__name__ = "renamed"
m.__qualname__ = "Outer.renamed"
print(m.__name__, m.__qualname__, m(7))
