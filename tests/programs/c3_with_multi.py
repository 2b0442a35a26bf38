class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
with CM("a") as a, CM("b") as b:
    print("body", a.name, b.name)
class Suppress:
    def __enter__(self):
        return None
    def __exit__(self, et, ev, tb):
        print("suppressing", et.__name__, ev)
        return True
with Suppress():
    1 / 0
print("continued")
try:
    with CM("x"), CM("y"):
        raise KeyError("k")
except KeyError as e:
    print("outer caught", repr(e))
