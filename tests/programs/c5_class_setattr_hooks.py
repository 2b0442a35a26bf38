class Logged:
    def __init__(self):
        self.x = 1

    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        print("delattr", name)
        super().__delattr__(name)


o = Logged()
o.y = 2
setattr(o, "z", 3)
del o.x
print(vars(o))


class ReadOnly:
    def __init__(self, v):
        object.__setattr__(self, "v", v)

    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is read-only")


r = ReadOnly(5)
print(r.v)
try:
    r.v = 6
except AttributeError as e:
    print(e)


class Point:
    def __init__(self, x):
        self.x = x

    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x


print(Point(1) == Point(1), Point.__hash__, Point(1).__eq__(2), Point(1) != Point(2))
r.w = 1
