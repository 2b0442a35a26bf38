class P(int): pass
for f in (lambda: object.__new__(int), lambda: object.__new__(P), lambda: int.__new__(str), lambda: int.__new__(5), lambda: BaseException.__new__(int)):
    try:
        print(f())
    except TypeError as e:
        print(e)
try:
    class E(Exception, int): pass
except TypeError as e:
    print(e)
print(int.__new__(P, 7), type(int.__new__(P, 7)).__name__, int.__new__(int, "5"))
import math
class M(type): pass
class C(metaclass=M):
    x = 1
print(dir(C) == dir(type("C2", (), {"x": 1})), dir(5) == dir(int), len(dir(math)) > 10)
print(dir(P(3)))
def g(): pass
print(dir(g))
print(dir(None))
print(dir(True) == dir(bool))
print(dir(C()))
class S:
    __slots__ = ("a",)
print(dir(S))
print(dir(ValueError("x")))
print(dir([].append))
