class EnumMeta(type):
    def __new__(mcs, name, bases, ns):
        members = {k: v for k, v in ns.items() if not k.startswith("_")}
        cls = super().__new__(mcs, name, bases, ns)
        cls._members = members
        return cls

    def __iter__(cls):
        return iter(cls._members.items())

    def __len__(cls):
        return len(cls._members)

    def __getitem__(cls, name):
        return cls._members[name]

    def __contains__(cls, name):
        return name in cls._members

    def __repr__(cls):
        return f"<enum {cls.__name__}>"


class Color(metaclass=EnumMeta):
    RED = 1
    GREEN = 2


print(list(Color), len(Color), Color["GREEN"], "RED" in Color, Color, [Color], bool(Color), str(Color))


class Meta(type):
    def __prepare__(name, bases):
        print("prepare", name)
        return {"injected": 42}

    @property
    def upper_name(cls):
        return cls.__name__.upper()


class Widget(metaclass=Meta):
    pass


print(Widget.injected, Widget.upper_name, type(Widget).__name__)


class Counted(type):
    count = 0

    def __call__(cls, *args, **kwargs):
        Counted.count += 1
        return super().__call__(*args, **kwargs)


class Item(metaclass=Counted):
    def __init__(self, n):
        self.n = n


items = [Item(i) for i in range(3)]
print(Counted.count, [i.n for i in items], isinstance(Item, Counted))


class Sub(Item):
    pass


Sub(9)
print(Counted.count, type(Sub).__name__)
class Other(type):
    pass
class X(metaclass=Other):
    pass
class Y(Item, X):
    pass
