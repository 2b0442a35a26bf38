def f(*args, **kwargs):
    return args, kwargs
def g(a, b, *rest, key=None, **extra):
    return a, b, rest, key, extra
print(f(1, 2, x=3))
args = [1, 2, 3]
kw = {"key": 5}
print(g(*args), g(*args, **kw), g(0, *args, k=1), f(**kw))
print(*args, sep=",")
def h(a, /, b, *, c):
    return a + b + c
print(h(1, 2, c=3))
