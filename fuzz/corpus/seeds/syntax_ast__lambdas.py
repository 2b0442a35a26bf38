f = lambda: 0
g = lambda x, y=1, *a, k, **kw: x + y
h = lambda *, k: k
i = lambda x, /, y: x
