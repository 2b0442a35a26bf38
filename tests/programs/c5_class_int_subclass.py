class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))

    def double(self):
        return Pos(self * 2)


p = Pos(-5)
print(p, repr(p), type(p).__name__, type(p + 1).__name__)
print(p + 1, 1 + p, p * 3, p - 10, p // 2, p % 3, p ** 2, -p, abs(p), ~p)
print(p == 5, p < 6, p >= 5, 5 == p, hash(p) == hash(5), bool(Pos(0)))
print(isinstance(p, int), isinstance(p, Pos), issubclass(Pos, int), Pos.__mro__)
print(p.double(), type(p.double()).__name__, p.bit_length(), int(p), float(p))
print(f"{p:>4}|{p:b}|{p:.2f}", str(p), "%d" % p, [p], {p: "five"}[5])
print(list(range(p)), "ab" * Pos(2), divmod(p, 2), round(p))


class Celsius(float):
    def __repr__(self):
        return f"{float(self):.1f}°C"

    def to_f(self):
        return self * 9 / 5 + 32


t = Celsius(21.5)
print(t, [t], t.to_f(), t + 0.5, t > 20, t.is_integer())


class Flag(int):
    pass


f = Flag(3)
f.label = "three"
print(f, f.label, f & 1, f | 4, f << 1, vars(f))
