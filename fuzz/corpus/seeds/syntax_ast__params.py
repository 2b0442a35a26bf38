def f(a, b, /, c, d=1, *args, e, f=2, **kwargs): pass
def g(*, a, b=1): pass
def h(a: int, b: str = 'x', *args: int, **kw: float) -> bool: pass
def i(a=1, /, b=2): pass
