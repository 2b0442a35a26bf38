class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    @property
    def y(self):
        return self[1]

    def __repr__(self):
        return f"Point(x={self.x}, y={self.y})"

    def __add__(self, other):
        return Point(self.x + other[0], self.y + other[1])


p = Point(1, 2)
q = p + Point(10, 20)
print(p, q, p.x, q.y, len(p), p[0], list(p), p == (1, 2), hash(p) == hash((1, 2)))
x, y = q
print(x, y, isinstance(p, tuple), {p: "origin+"}[(1, 2)], sorted([Point(2, 1), Point(1, 5)]))
print(tuple(p), type(p[:1]).__name__, p.count(1), p.index(2), max(q), 2 in p)


class Pair(tuple):
    pass


pr = Pair([3, 4])
print(pr, type(pr).__name__, pr * 2, pr + (5,), Pair())


class Frozen(frozenset):
    def describe(self):
        return f"{len(self)} items"


fz = Frozen([1, 2, 2, 3])
print(sorted(fz), fz.describe(), 2 in fz, fz == {1, 2, 3}, isinstance(fz, frozenset), sorted(fz | {9}))


class Tags(set):
    def add_all(self, *items):
        for i in items:
            self.add(i)
        return self


tg = Tags([1])
tg.add_all(2, 3)
print(sorted(tg), len(tg), type(tg).__name__, sorted(tg & {2, 3, 4}), tg.issubset({1, 2, 3}))
print(Point(1))
