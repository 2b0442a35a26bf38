from collections import namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, 2)
print(p, p.x, p.y, p[0], len(p))
x, y = p
print(x + y, p._asdict(), p._replace(y=5), Point._fields)
print(p == (1, 2), p == Point(1, 2), Point._make([3, 4]))
Card = namedtuple('Card', 'rank suit')
cards = [Card('A', 'spades'), Card('K', 'hearts')]
for c in cards:
    print(f'{c.rank} of {c.suit}')
Cfg = namedtuple('Cfg', 'host port debug', defaults=[8080, False])
print(Cfg('localhost'), Cfg('h', 1, True))
try:
    Point(1)
except TypeError as e:
    print(e)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print(hash(p) == hash((1, 2)), {p: 'here'}[Point(1, 2)])
