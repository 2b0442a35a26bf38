from dataclasses import dataclass, field
from typing import List

@dataclass
class Item:
    name: str
    price: float
    qty: int = 1

    def total(self) -> float:
        return self.price * self.qty

@dataclass
class Cart:
    items: List[Item] = field(default_factory=list)

    def add(self, item: Item) -> None:
        self.items.append(item)

    def total(self) -> float:
        return sum(i.total() for i in self.items)

cart = Cart()
cart.add(Item('pen', 1.5, 4))
cart.add(Item('book', 12.0))
print(cart)
print(cart.total(), Item('a', 1.0) == Item('a', 1.0, 1))
