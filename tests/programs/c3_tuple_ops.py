t = (1, 2, 3, 2)
print(t, len(t), t.count(2), t.index(3), t[1:], t + (4,), t * 2)
print((), (1,), tuple("ab"), tuple(range(2)))
a, b = t[:2]
print(a, b, 2 in t, max(t), sorted(t))
print((1, 2) < (1, 2, 3), (2,) > (1, 9), hash((1, 2)) == hash((1, 2)))
nested = ((1, 2), (3, 4))
print([x for pair in nested for x in pair])
