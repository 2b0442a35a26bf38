from dataclasses import dataclass, FrozenInstanceError, asdict, astuple, replace, fields

@dataclass(order=True)
class Card:
    rank: int
    suit: str

cards = [Card(10, 'h'), Card(2, 's'), Card(10, 'c')]
print(sorted(cards))
print(Card(3, 'a') < Card(3, 'b'), max(cards))

@dataclass(frozen=True)
class Coord:
    lat: float
    lon: float

c = Coord(1.5, 2.5)
try:
    c.lat = 0
except FrozenInstanceError as e:
    print('FrozenInstanceError:', e)
print(c, hash(c) == hash(Coord(1.5, 2.5)), {c: 1}[Coord(1.5, 2.5)])
print(asdict(Card(1, 'x')), astuple(Card(1, 'x')), replace(c, lon=0.0))
print([f.name for f in fields(Card)])

@dataclass
class Rect:
    w: int
    h: int
    def __post_init__(self):
        self.area = self.w * self.h
print(Rect(3, 4).area)
