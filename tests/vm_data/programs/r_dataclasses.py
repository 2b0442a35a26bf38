from dataclasses import dataclass, field
@dataclass
class Point:
    x: int
    y: int = 0
@dataclass
class Inventory:
    owner: str
    items: list = field(default_factory=list)
    def add(self, item):
        self.items.append(item)
        return self
p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), p == Point(2, 1), p.x + p.y)
inv = Inventory("ann").add("apple")
print(inv, Inventory("bob"), [Point(i) for i in range(2)])
@dataclass
class P3(Point):
    z: int = 5
print(P3(1, 2, 3), P3(7))
try:
    Point()
except TypeError as e:
    print(e)
try:
    {p}
except TypeError as e:
    print(e)
