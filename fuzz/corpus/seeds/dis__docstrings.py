"""Module docstring."""
def f():
    """Function docstring."""
    return 1
def g():
    x = 1
    "not a docstring"
    return x
print(f(), g(), __doc__)
