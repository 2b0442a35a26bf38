print(1, 2, sep=', ', end='')
f()
f(a)(b)
f(*args, **kwargs)
f(a, *b, c=1, **d)
f(x for x in y)
f(a, b,)
obj.method(1).attr[2]
