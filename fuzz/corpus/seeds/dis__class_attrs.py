class Point:
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __eq__(self, other):
        return self.x == other.x and self.y == other.y
    @classmethod
    def origin(cls):
        return cls(0, 0)
class Private:
    def __init__(self):
        self.__secret = 1
    def get(self):
        return self.__secret
p = Point(1, 2) + Point.origin()
print(p, p == Point(1, 2), Point.count, Private().get())
