def f():
    def g[T]():
        nonlocal T
