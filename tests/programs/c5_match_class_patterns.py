class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Circle:
    __match_args__ = ("center", "radius")

    def __init__(self, center, radius):
        self.center = center
        self.radius = radius


def where(shape):
    match shape:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on the y axis at {y}"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Circle(Point(0, 0), r):
            return f"circle of radius {r} at the origin"
        case Circle(center=Point(x=cx), radius=r) if r > 10:
            return f"big circle at x={cx}"
        case Point() | Circle():
            return "somewhere else"
        case int(n) | float(n):
            return f"a number {n}"
        case str() as s:
            return f"a string {s!r}"
        case _:
            return "not a shape"

for s in [Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1), Circle(Point(0, 0), 2),
          Circle(Point(7, 1), 20), Circle(Point(7, 1), 2), 3, 2.5, "hi", [1]]:
    print(where(s))
