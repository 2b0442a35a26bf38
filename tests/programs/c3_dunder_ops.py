class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return V(-self.x, -self.y)
    def __abs__(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return f"V({self.x}, {self.y})"
a, b = V(1, 2), V(3, 4)
print(a + b, a - b, a * 3, 3 * a, -a, abs(b))
a += b
print(a)
class N:
    def __init__(self, v): self.v = v
    def __radd__(self, o): return o + self.v
    def __lt__(self, o): return self.v < o.v
print(10 + N(5), sum([N(1), N(2)], 0))
print(sorted([N(3), N(1)], key=lambda n: n.v)[0].v, N(1) < N(2), N(3) > N(2))
