def f(a, b, c, d=0):
    return a * 1000 + b * 100 + c * 10 + d
args = [1, 2]
kw = {"d": 4}
print(f(*args, 3, **kw))
print(f(*(1, 2, 3)))
print(f(**{"a": 1, "b": 2, "c": 3}))
print(f(1, *[2], *[3], **{"d": 5}))
print(f(1, c=3, b=2))
print(*"abc", sep="|")
print(*range(3), *[9])
