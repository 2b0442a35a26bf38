from typing import Generic, TypeVar, NamedTuple, Optional

T = TypeVar("T")
K = TypeVar("K")


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item


class Pair(Generic[K, T]):
    def __init__(self, key: K, value: T):
        self.key, self.value = key, value


b = Box(3)
print(b.get(), Box[int], Pair[str, int], Box.__mro__, Box.__orig_bases__)
print(isinstance(b, Box), Box[int](5).get(), Pair("a", 1).value, Box[int] == Box[int])


class IntBox(Box[int]):
    pass


print(IntBox(7).get(), IntBox.__mro__, IntBox.__orig_bases__)


class Employee(NamedTuple):
    name: str
    dept: str = "eng"
    level: int = 1

    def badge(self):
        return f"{self.name}/{self.dept}/{self.level}"


e = Employee("ann")
print(e, e.badge(), isinstance(e, tuple), Employee._fields, Employee.__bases__, e._replace(level=3))
print(Employee.__annotations__, e == ("ann", "eng", 1), Employee("bo", level=2))
Opt = Optional[int]
print(Opt, int | None, list[int] | None)
Employee()
