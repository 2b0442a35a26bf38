class Money:
    def __init__(self, c):
        self.c = c
    def __repr__(self):
        return f"Money({self.c})"
    def __str__(self):
        return f"${self.c / 100:.2f}"
    def __format__(self, spec):
        if spec == "cents":
            return f"{self.c}c"
        return format(str(self), spec)
m = Money(1234)
print(m, repr(m), str(m), [m])
print(f"{m}|{m!r}|{m:cents}|{m:>10}|")
print("{} {!r} {:cents}".format(m, m, m))
class OnlyRepr:
    def __repr__(self):
        return "OR"
print(OnlyRepr(), str(OnlyRepr()), f"{OnlyRepr()}")
