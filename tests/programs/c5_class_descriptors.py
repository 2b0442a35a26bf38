class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int, not {type(value).__name__}")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("deleting", self.name)
        delattr(obj, self.name)


class Account:
    balance = Typed()
    owner_id = Typed()

    def __init__(self, balance, owner_id):
        self.balance = balance
        self.owner_id = owner_id


a = Account(100, 7)
print(a.balance, a.owner_id, vars(a), type(Account.balance).__name__, Account.balance.name)
del a.balance
print(a.balance, vars(a))


class Constant:
    def __init__(self, value):
        self.value = value

    def __get__(self, obj, objtype=None):
        return self.value


class Config:
    version = Constant("1.0")


cfg = Config()
print(cfg.version, Config.version)
cfg.version = "shadow"
print(cfg.version, Config.version)


class Tracer:
    def __init__(self):
        self.hits = 0

    def __getattribute__(self, name):
        if name != "hits":
            object.__setattr__(self, "hits", object.__getattribute__(self, "hits") + 1)
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return f"<missing {name}>"

    def ping(self):
        return "pong"


t = Tracer()
print(t.ping(), t.ping(), t.nothing, t.hits)
a.balance = "lots"
