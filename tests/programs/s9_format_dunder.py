# __format__ must return a str (or an instance of a str subclass); anything else is a
# TypeError, whichever way the value is formatted.
class Weird:
    def __format__(self, spec):
        return 42


class MyStr(str):
    pass


class Sub:
    def __format__(self, spec):
        return MyStr("sub:" + spec)


class Plain:
    def __format__(self, spec):
        return "plain" + spec


print(f"{Sub():x}", format(Sub(), "y"), "{:z}".format(Sub()), f"[{Plain():>3}]")
attempts = [
    lambda: f"{Weird()}",
    lambda: f"{Weird():>5}",
    lambda: format(Weird(), ""),
    lambda: "{}".format(Weird()),
    lambda: "{0!s:>3}{1}".format(1, Weird()),
]
for make in attempts:
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)
