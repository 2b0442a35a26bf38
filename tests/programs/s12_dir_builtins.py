# dir() of builtin values lists what CPython's does (the public names), and
# every name it lists can be read: a frozenset has none of set's mutators,
# complex has real/imag/conjugate, range and slice their start/stop/step.
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
