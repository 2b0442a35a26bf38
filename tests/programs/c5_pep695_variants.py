import functools
async def fetch[T](x: T) -> T:
    return x
async def agen[T]():
    yield 1
def gen[T](n: T):
    yield from range(n)

def decorated[T](a: T, /, b: int = 2, *args: T, c: T, d=5, **kw) -> T:
    return a
class K[T](metaclass=type):
    attr: T
    x = [i for i in range(3)]
    def m(self) -> "T":
        return lambda: T
def f():
    type Local = int
    type LocalGeneric[A] = list[A]
    def g[B](b: B = Local):
        return (Local, b)
    return g
class Outer:
    class Inner[T]:
        def m[U](self, t: T, u: U): pass
    type Al[X: Inner] = tuple[X, Inner]
def h[T: (int, "str"), *Ts, **P](t: T, *a: *Ts, **k: P.kwargs): pass
def deep[A]():
    def mid[B]():
        def inner[C]() -> A | B | C:
            return A, B, C
        return inner
    return mid
x = 1
class UsesGlobal:
    x = 2
    global y
    y = 3
    def m[T: x, U: y](self): pass
print(fetch.__type_params__, list(gen(3)), decorated.__type_params__, K.__type_params__, K().m()())
g = f()
print(g(), g.__type_params__, g.__defaults__)
print(Outer.Inner.__type_params__, Outer.Al.__type_params__, Outer.Al.__type_params__[0].__bound__)
print(h.__type_params__, [p.__name__ for p in h.__type_params__], h.__type_params__[0].__constraints__)
print(deep()()(), deep()().__qualname__)
print(UsesGlobal.m.__type_params__[0].__bound__, UsesGlobal.m.__type_params__[1].__bound__)
