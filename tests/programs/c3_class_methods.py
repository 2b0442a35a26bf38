class Temp:
    scale = "C"
    def __init__(self, deg):
        self._deg = deg
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 // 9)
    @staticmethod
    def valid(d):
        return d > -273
    @property
    def deg(self):
        return self._deg
    @deg.setter
    def deg(self, v):
        self._deg = v
t = Temp.from_f(212)
print(t.deg, Temp.valid(-300), t.valid(5))
t.deg = 50
print(t.deg)
print(type(Temp.__dict__["from_f"]).__name__)
