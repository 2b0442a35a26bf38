def f():
    global x, y
    def g():
        nonlocal z
    del a
    del a, b
    del a[0], b.c
    del (a, b)
    del [a, b]
