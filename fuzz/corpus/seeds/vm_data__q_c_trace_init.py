class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = int(balance)
accounts = [Account("a", "10"), Account("b", "ten")]
