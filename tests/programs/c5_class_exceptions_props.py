class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {super().__str__()}"
e = AppError(404, "not found")
print(e, repr(e), e.args, e.code, isinstance(e, Exception))
class Quiet(ValueError):
    pass
q = Quiet("a", 1)
print(q, repr(q), q.args, str(Quiet()), repr(KeyError("k")), str(KeyError("k")))
class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr("x")), str(WithRepr("x")), [WithRepr()])
try:
    raise AppError(500, "boom")
except Exception as ex:
    print(type(ex).__name__, ex)
class P:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        self._x = v
    @x.deleter
    def x(self):
        print("del x")
p = P()
p.x = 5
print(p.x, P.x.__class__.__name__, type(P.x))
del p.x
print(BaseException.__new__(ValueError, 1).args, ValueError.__init__, Exception.__str__(e))
class E2(Exception):
    def __init__(self):
        pass
print(repr(E2()), E2().args)
raise AppError(1, "final")
