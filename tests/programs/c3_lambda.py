sq = lambda x: x * x
print(sq(5))
add = lambda a, b=1: a + b
print(add(1), add(1, 2))
pairs = [(1, "b"), (3, "a"), (2, "c")]
print(sorted(pairs, key=lambda p: p[1]))
print(list(map(lambda x: x + 1, [1, 2])))
print((lambda *a, **k: (a, k))(1, x=2))
print(sq.__name__)
