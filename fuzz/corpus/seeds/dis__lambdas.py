square = lambda x: x * x
add = lambda a, b=1: a + b
noarg = lambda: None
print(square(4), add(1), add(1, 2), noarg())
items = [(1, "b"), (2, "a")]
items.sort(key=lambda p: p[1])
print(items, sorted([3, 1, 2], key=lambda v: -v))
