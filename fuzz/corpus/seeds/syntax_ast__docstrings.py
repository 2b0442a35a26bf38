"""Module docstring."""

def f():
    'function doc'
    pass

class C:
    """Class doc."""
