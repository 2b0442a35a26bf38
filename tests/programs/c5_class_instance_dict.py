class Rec:
    def __init__(self, **kw):
        self.__dict__.update(kw)
r = Rec(a=1, b=2)
print(r.a, r.b, vars(r), r.__dict__ is r.__dict__)
r.c = 3
vars(r)["d"] = 4
print(r.d, r.__dict__, hasattr(r, "c"))
del r.a
print(vars(r), "a" in r.__dict__)
class Lazy:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, cls):
        v = self.f(obj)
        obj.__dict__[self.f.__name__] = v
        return v
class C:
    @Lazy
    def big(self):
        print("computing")
        return 42
c = C()
print(c.big, c.big, c.__dict__)
d = r.__dict__
d.clear()
print(vars(r), dir(r)[-3:])
r.e = 5
print(d)
r.zz
