type Number = int
type Name = str
type Table = dict


def total(xs) -> Number:
    return sum(xs)


print(Number, Name, Table)
print(Number.__name__, Number.__value__, Table.__value__)
print(type(Number).__name__, Number.__type_params__)
print(total([1, 2, 3]))
