x: list[int] = [1]
y: dict[str, list[int]] = {}
z: tuple[int, ...] = ()
print(__annotations__)
print(list[int], dict[str, int], tuple[int, ...], set[str], frozenset[int], type[int])
print(type(list[int]), list[int].__origin__, list[int].__args__, dict[str, int].__args__)
print(list[int]([1, 2]), list[int] == list[int], list[int] == list[str], list[int] == list)


def first(items: list[str]) -> str | None:
    return items[0] if items else None


print(first.__annotations__)


class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__} of {item.__name__}"


print(Box[int], Box[str])


class Matrix:
    pass


print(Matrix[int])
