class Plain:
    pass


print(object.__hash__, object.__init__, object.__repr__, object.__eq__)
print(Plain.__hash__ is object.__hash__, Plain.__init__ is object.__init__, Plain.__repr__ is object.__repr__)
print(int.__add__, str.upper, list.append, dict.get, dict.__getitem__, list.__len__, tuple.__contains__)
print(type(int.__add__).__name__, type(list.append).__name__, type((1).__add__).__name__, type([].append).__name__)
print(int.__add__(1, 2), int.__mul__(3, 4), str.upper("abc"), str.join("-", ["a", "b"]), float.__truediv__(1.0, 4))
print(int.__add__(1, "a"), (5).__sub__(2), (5).__rsub__(2), "a".__add__("b"), [1].__len__())
items = []
list.append(items, 1)
list.extend(items, [2, 3])
print(items, list.__len__(items), list.__getitem__(items, 0), dict.fromkeys("ab", 0))
p = Plain()
print(object.__repr__(p) == repr(p), object.__eq__(p, p), object.__eq__(p, 1), object.__ne__(p, p))
print(int.__name__, list.append.__name__, list.append.__qualname__, int.__add__.__objclass__)
print(hash(p) == object.__hash__(p), p.__eq__(p), p.__ne__(1), p.__hash__() == hash(p))
print(getattr(int, "__add__")(2, 2), callable(str.lower), hasattr(list, "append"), hasattr(dict, "nope"))
print([n for n in ("bit_length", "conjugate", "as_integer_ratio", "bit_count") if n in vars(int)])
print(str.__len__(5))
