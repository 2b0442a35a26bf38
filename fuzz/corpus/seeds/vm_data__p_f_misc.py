counter = 0
def bump():
    global counter
    counter += 1
for _ in range(3):
    bump()
print(counter)
def make_multiplier(n):
    return lambda x: x * n
doubles = make_multiplier(2)
print(doubles(21), (lambda *a, **k: (a, k))(1, 2, z=3))
def apply(f, *args, sep="-", **kwargs):
    return sep.join(str(f(a, **kwargs)) for a in args)
print(apply(lambda v, plus=0: v + plus, 1, 2, 3, plus=10), apply(str, "x", "y", sep="+"))
def hanoi(n, a="A", b="B", c="C"):
    if n == 0:
        return []
    return hanoi(n - 1, a, c, b) + [(a, c)] + hanoi(n - 1, b, a, c)
print(len(hanoi(5)), hanoi(2))
def perms(s):
    if len(s) <= 1:
        return [s]
    return [s[i] + p for i in range(len(s)) for p in perms(s[:i] + s[i + 1:])]
print(perms("abc"))
for i in range(3):
    pass
else:
    print("for-else", i)
n = 5
while n > 0:
    n -= 2
else:
    print("while-else", n)
print(1 < 2 < 3 > 2, 1 < 2 > 3, "yes" if n else "no", (y := 10) + y)
class Ctx:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is ValueError
with Ctx("a") as c:
    print("inside", c.name)
with Ctx("b"):
    raise ValueError("suppressed")
print("after with")
def gen():
    received = yield 1
    print("got", received)
    yield received * 2
g = gen()
print(next(g), g.send(21))
def countdown(n):
    while n > 0:
        yield n
        n -= 1
print(list(countdown(3)), sum(countdown(4)), max(countdown(5)))
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
import math
print(math.sqrt(2), math.floor(-2.5), math.ceil(2.1), math.gcd(12, 18), math.factorial(10), math.pi, math.inf > 1e308)
print(type(None).__name__, type(len).__name__, callable(len), id(1) == id(1), isinstance(True, int), issubclass(bool, int))
print(chr(97) + chr(98), ord("z"), "a" * 0 == "", str(b"x") if False else "skip", repr(None), ascii("é"))
print(sorted({3: "c", 1: "a"}.items()), list(reversed(range(3))), list(range(10, 0, -3)), range(3)[1], len(range(0, 10, 3)))
