class InsufficientFunds(Exception):
    def __init__(self, need):
        super().__init__(f"need {need} more")
def withdraw(bal, amt):
    if amt > bal:
        raise InsufficientFunds(amt - bal)
    return bal - amt
print(withdraw(10, 3))
withdraw(10, 30)
