class Meta(type):
    pass
class Base(metaclass=Meta):
    __slots__ = ("a",)
class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        self._c = v
    def method(self):
        def helper():
            return super(Temp, self).__repr__()
        return helper
    items = [1, 2]
    doubled = list(x * 2 for x in items)
    f = lambda self: self._c
t = Temp(1)
t.c = 5
print(t.c, t.f(), Temp.doubled)
