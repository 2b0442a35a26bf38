class Plugin:
    plugins = {}

    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.plugins[cls.plugin_name] = cls
        print("registered", cls.plugin_name)


class Csv(Plugin, name="csv"):
    pass


class Json(Plugin):
    pass


print(sorted(Plugin.plugins), Csv.plugin_name, Json.plugin_name)


class Shape:
    sides = 0

    def __init_subclass__(cls):
        if cls.sides < 3:
            raise TypeError(f"{cls.__name__} needs at least 3 sides")


class Triangle(Shape):
    sides = 3


print(Triangle.sides)
try:
    class Line(Shape):
        sides = 2
except TypeError as e:
    print("error:", e)


class Strict:
    pass


class Oops(Strict, color="red"):
    pass
