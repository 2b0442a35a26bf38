class Registry(type):
    classes = []

    def __new__(mcs, name, bases, ns):
        print("new", mcs.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")))
        cls = super().__new__(mcs, name, bases, ns)
        mcs.classes.append(cls)
        return cls

    def __init__(cls, name, bases, ns):
        print("init", name)
        super().__init__(name, bases, ns)
        cls.registered = True


class Base(metaclass=Registry):
    def hello(self):
        return "hello"


class Child(Base):
    pass


print(type(Base), type(Child), Registry.classes, Child.registered, Child().hello())
print(isinstance(Base, Registry), isinstance(Base, type), Base.__class__.__name__)


class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, value):
        print("config init", value)
        self.value = value


a = Config(1)
b = Config(2)
print(a is b, a.value, type(Config).__name__)

Point = type("Point", (), {"x": 0, "show": lambda self: f"Point({self.x})"})
p = Point()
p.x = 5
print(Point, Point.__name__, p.show(), type(p).__name__, Point.__bases__)
Sub = type("Sub", (Point,), {})
print(Sub().show(), Sub.__mro__, type(Sub))


class Meta(type):
    def describe(cls):
        return f"class {cls.__name__}"


class Thing(metaclass=Meta):
    pass


print(Thing.describe(), type(Thing).__mro__)
Thing().describe()
