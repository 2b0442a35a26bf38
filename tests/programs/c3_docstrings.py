def f():
    """Return one."""
    return 1
class C:
    """A class."""
    def m(self):
        "method doc"
print(f.__doc__)
print(C.__doc__, C.m.__doc__)
def g():
    x = 1
    return x
print(g.__doc__)
