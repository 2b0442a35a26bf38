class Base:
    def hi(self):
        return "base"
class Kid(Base):
    def hi(self):
        return super(Kid, self).hi() + "+kid"
print(Kid().hi())
print(type(classmethod(len)).__name__, type(staticmethod(len)).__name__, type(property()).__name__)
print(sorted([5, 2, 8], key=None), sorted({"b": 1, "a": 2}.items()))
print(bool(None), int(True), float(False))
print(all(()), any(()), sum(()), min(4, 2), list(zip(*[(1, 2), (3, 4)])))
print(abs(-0.0), round(2.5), round(3.5), round(-0.4), type(round(2.5)), type(round(2.5, 0)))
print(int("0x1f", 16), int("0b101", 0), int(-2.5), int("1_000"), chr(65) + chr(0x263A))
print(object.__name__, type(object()).__name__, type(len).__name__, type(Kid.hi).__name__)
print(ord("\n"), hex(-255), oct(-8), bin(0))
print(str(b"hi"), repr(b"a\x00"))
