class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
a = Adder(3)
print(a(4), callable(a), callable(3))
class Dyn:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        return name.upper()
d = Dyn()
print(d.real, d.anything, getattr(d, "other"))
print(hasattr(d, "x"))
