from dataclasses import dataclass, field, FrozenInstanceError, replace


@dataclass(frozen=True)
class Money:
    amount: int
    currency: str = "EUR"

    def add(self, other):
        return replace(self, amount=self.amount + other.amount)


m = Money(5)
print(m, m.add(Money(7)), m == Money(5), hash(m) == hash(Money(5)), vars(m))
for attempt in ("amount", "currency", "note"):
    try:
        setattr(m, attempt, 0)
    except FrozenInstanceError as e:
        print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del m.amount
except AttributeError as e:
    print(e)
prices = {Money(1): "cheap", Money(100): "dear"}
print(prices[Money(1)], len({Money(2), Money(2), Money(3)}))


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple = field(default=(), compare=False)


vs = [Version(1, 2), Version(1, 0, ("rc",)), Version(0, 9)]
print(sorted(vs), max(vs), Version(1) < Version(1, 1), Version(1) == Version(1, 0, ("x",)))


@dataclass
class Mutable:
    items: list = field(default_factory=list)


mu = Mutable()
mu.items.append(1)
mu.items = [2]
print(mu, Mutable.__hash__)
Version(1) < "1.0"
