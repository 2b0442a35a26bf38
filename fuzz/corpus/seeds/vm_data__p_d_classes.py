class Shape:
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
    def area(self):
        raise NotImplementedError("subclass must implement")
    def __str__(self):
        return f"{self.name} with area {self.area():.2f}"
    def __lt__(self, other):
        return self.area() < other.area()

class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2

class Square(Shape):
    def __init__(self, s):
        super().__init__("square")
        self.s = s
    def area(self):
        return self.s * self.s
    def __eq__(self, other):
        return isinstance(other, Square) and self.s == other.s
    def __hash__(self):
        return hash(self.s)

shapes = [Circle(1), Square(3), Circle(0.5)]
for s in sorted(shapes):
    print(s)
print(Shape.count, Square(2) == Square(2), Square(2) in [Square(2)], len({Square(2), Square(2)}))
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        return Money(self.cents + other.cents)
    __radd__ = __add__
    def __mul__(self, k):
        return Money(self.cents * k)
    def __repr__(self):
        return f"Money({self.cents})"
    def __bool__(self):
        return self.cents != 0
print(Money(5) + Money(7), sum([Money(1), Money(2)]), Money(3) * 4, bool(Money(0)), 10 + Money(1))
class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
        return self
    def __len__(self):
        return len(self._items)
    def __iter__(self):
        return iter(reversed(self._items))
    def __contains__(self, x):
        return x in self._items
    def __getitem__(self, i):
        return self._items[i]
    def __call__(self, *args):
        return args
st = Stack().push(1).push(2).push(3)
print(len(st), list(st), 2 in st, st[0], st(1, 2), [x for x in st])
try:
    Shape("blob").area()
except NotImplementedError as e:
    print(type(e).__name__, e)
print(isinstance(st, Stack), isinstance(3, (str, int)), type(st).__name__, Stack.__name__, hasattr(st, "push"), getattr(st, "nope", 5))
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
t = Temp()
t.c = 25
print(t.c)
try:
    t.c = -300
except ValueError as e:
    print(e)
print(vars(t), st.__class__.__name__, Circle.__mro__)
