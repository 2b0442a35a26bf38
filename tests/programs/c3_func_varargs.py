def f(*args, **kwargs):
    return args, kwargs
print(f())
print(f(1, 2, a=3))
def g(a, *rest, sep="-", **opts):
    return sep.join(str(x) for x in (a,) + rest), sorted(opts.items())
print(g(1, 2, 3))
print(g(1, sep="+", z=1, y=2))
def h(*, key):
    return key
print(h(key="k"))
