# dir() of builtin values lists what CPython's does (the public names), and
# every name it lists can be read: a frozenset has none of set's mutators,
# complex has real/imag/conjugate, range and slice their start/stop/step. The
# slot wrappers of complex, bytes, bytearray and range, called directly.
values = [set(), frozenset(), 1j, range(2, 9, 3), slice(1, 5), "", [], (), {}, 1, 1.5, True, b"", bytearray()]
for v in values:
    # dir() is sorted and every public name sorts after the dunders: the public
    # names are what follows the last dunder (taken without a Python loop, so the
    # trace does not depend on which dunders pvm lists).
    joined = " ".join(dir(v))
    public = joined[joined.rfind("__ ") + 3:].split()
    print(type(v).__name__, public)
    print("  unreadable:", [n for n in public if not hasattr(v, n)])
r = range(2, 9, 3)
print(r.start, r.stop, r.step, slice(1, 5).indices(3), (3 + 4j).conjugate(), (3 + 4j).real)
print("add" in dir(frozenset), "add" in dir(set), "update" in dir(frozenset()), "copy" in dir(frozenset()))

z, b, ba, r = 3 + 4j, b"ab", bytearray(b"ab"), range(1, 7, 2)
print(z.__add__(1), z.__radd__(2.5), z.__mul__(z), z.__truediv__(2), z.__pow__(2), z.__sub__(1j), z.__rsub__(1), z.__neg__(), z.__abs__(), z.__bool__(), z.__pos__())
print(z.__eq__(3 + 4j), z.__ne__(1), z.__lt__(z), z.__add__("x"), z.__eq__("x"), z.__hash__() == hash(z), z.__repr__(), z.__format__(".1f"))
print(b.__add__(b"c"), b.__mul__(2), b.__rmul__(2), b.__len__(), b.__contains__(97), b.__getitem__(0), b.__lt__(b"b"), b.__mod__(()), list(b.__iter__()))
try:
    b.__add__(1)
except TypeError as e:
    print(e)
ba.__setitem__(0, 120); ba.__delitem__(1)
print(ba, ba.__len__(), ba.__add__(b"!"), ba.__eq__(b"x"), bytearray.__hash__)
print(r.__len__(), r.__contains__(3), r.__getitem__(1), list(r.__reversed__()), r.__bool__(), r.__eq__(range(1, 7, 2)), r.__lt__(r), r.__repr__(), list(r.__iter__()))
print(complex.__add__(1j, 1), bytes.__len__(b"xyz"), range.__len__(range(4)))
print(bytearray.__hash__, list.__hash__, bytes.__hash__(b"") == hash(b""))
