from dataclasses import dataclass, field

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, Point(5), p == Point(1, 2), p != Point(2, 1))
print(p.x, p.y)
p.x = 10
print(p)

@dataclass
class Inventory:
    name: str
    items: list = field(default_factory=list)
    count: int = field(default=0, repr=False)

a = Inventory('a')
b = Inventory('b')
a.items.append('sword')
print(a, b, a.count)
try:
    Point()
except TypeError as e:
    print(e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)
