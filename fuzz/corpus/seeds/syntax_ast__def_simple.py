def f(a, b=1, c=2):
    return a + b + c

def g():
    return

def h(x):
    """Docstring."""
    return x * 2
