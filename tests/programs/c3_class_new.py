class Single:
    _inst = None
    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            print("created")
        return cls._inst
    def __init__(self, v):
        self.v = v
a = Single(1)
b = Single(2)
print(a is b, a.v)
class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
p = Pos(-5)
print(p, type(p).__name__, p + 1)
