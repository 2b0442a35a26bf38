class InsufficientFunds(Exception):
    def __init__(self, needed):
        super().__init__(f"need {needed} more")
        self.needed = needed
class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("positive only")
        self._balance += amount
        self.history.append(("deposit", amount))
        return self
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(amount - self._balance)
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self
    def __str__(self):
        return f"{self.owner}: {self._balance:.2f}"
acct = Account("ann", 100)
acct.deposit(50).withdraw(30)
try:
    acct.withdraw(1000)
except InsufficientFunds as e:
    print("error:", e, e.needed)
print(acct, acct.balance, len(acct.history))
