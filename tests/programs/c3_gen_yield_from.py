def inner():
    a = yield 1
    print("inner got", a)
    yield 2
    return "inner result"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield from range(3)
g = outer()
print(next(g))
print(g.send("hello"))
print(list(g))
def flatten(x):
    for item in x:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, 4]], 5])))
