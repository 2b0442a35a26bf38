import functools
class A[T]:
    pass
__x = 1
def f[T](): pass
def k[T](*, a): pass
def outer():
    y = 1
    def inner[T](x: T = y) -> list[T]:
        return [x, y]
    class In[S](dict, metaclass=type):
        z = 3
    return inner, In
@functools.cache
def dec[T](a, b=2, *c, d=4, **e) -> T: pass

