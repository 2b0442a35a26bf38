class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(x, _):
            return f"x is {x}"
        case int(n) | float(n):
            return f"number {n}"
        case [Point(x=a), Point(x=b)]:
            return a + b
    return "nothing"
print(where(Point(0, 0)), where(Point(0, 5)), where(Point(3, 4)), where(7), where([Point(1, 2), Point(3, 4)]), where("s"))
