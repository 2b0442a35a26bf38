class A:
    pass
class B(A):
    pass
class C(A):
    pass
class D(B, C):
    pass
print(D.mro())
print(D.mro() == list(D.__mro__), int.mro(), type.mro(type))
r = range(2, 20, 3)
print(r.index(8), r.count(5), r.count(6), r.count("x"), range(10, 0, -2).index(4))
print(True in range(2), range(5).index(True))
s = slice(None, None, -1)
print(s.indices(5), slice(1, 100, 2).indices(10), slice(-3, None).indices(4))
print(slice(2).indices(0))
for f in (1.5, 0.0, -0.75, 3.0, 0.1, 1e20, 2.5e-10, -8.0):
    print(f, f.as_integer_ratio())
try:
    range(3).index(7)
except ValueError as e:
    print(e)
try:
    float("nan").as_integer_ratio()
except ValueError as e:
    print(e)
try:
    float("inf").as_integer_ratio()
except OverflowError as e:
    print(e)
try:
    slice(1).indices(-1)
except ValueError as e:
    print(e)
