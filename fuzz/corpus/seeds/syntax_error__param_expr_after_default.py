def f(a=1, f-ile=None): pass
