from dataclasses import dataclass, field


class InsufficientFunds(Exception):
    pass


@dataclass
class Account:
    owner: str
    balance: float = 0.0
    history: list = field(default_factory=list)

    def deposit(self, amount):
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner} has only {self.balance}")
        self.balance -= amount
        self.history.append(("withdraw", amount))


a = Account("Ada")
a.deposit(100)
a.withdraw(30)
print(a)
print(a == Account("Ada", 70.0, [("deposit", 100), ("withdraw", 30)]))
b = Account("Bob")
print(b.history is a.history)
b.withdraw(5)
