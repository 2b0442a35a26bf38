from collections import namedtuple

Point = namedtuple("Point", "x y")
p = Point(3, 4)
print(p, p.x, p[1], isinstance(p, tuple), isinstance(p, Point), type(p).__name__)
print(p == (3, 4), hash(p) == hash((3, 4)), len(p), list(p), p + (5,), p * 2)
x, y = p
print(x, y, p._asdict(), p._replace(x=10), Point._make([1, 2]), Point._fields)
print(Point.__bases__, Point.__mro__, sorted([Point(2, 1), Point(1, 9)]), max(p))
Card = namedtuple("Card", ["rank", "suit"], defaults=["hearts"])
print(Card("A"), Card("K", "spades"), Card._field_defaults, {Card("Q"): 1}[("Q", "hearts")])


class Vec(namedtuple("Vec", "dx dy")):
    def __add__(self, other):
        return Vec(self.dx + other.dx, self.dy + other.dy)

    def length2(self):
        return self.dx ** 2 + self.dy ** 2


v = Vec(1, 2) + Vec(3, 4)
print(v, v.length2(), type(v).__name__, isinstance(v, tuple), v.count(4), v.index(6))
for field, value in zip(v._fields, v):
    print(field, "=", value)
match p:
    case Point(x=3, y=yy):
        print("matched", yy)
print(Point(1, 2, 3))
