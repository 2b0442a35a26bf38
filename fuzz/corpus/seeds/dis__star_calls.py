def f(*a, **k):
    return a, k
args = (1, 2)
kw = {"x": 1}
print(f(*args, *args))
print(f(0, *args, y=2, **kw))
print(f(**kw, z=3))
print(f(*args, **kw, **{"w": 4}))
print(f(a=1, b=2, c=3, d=4))
first, *rest = args
print([*args, *rest], (*args,), {*args})
