type Pair[T] = tuple
type Mapping[K, V] = dict
type Both[A, B] = A


class Box:
    pass


print(Pair, Pair.__type_params__)
print(Mapping.__type_params__, Mapping.__parameters__)
print(Both.__value__)
print(Pair[int], Mapping[str, Box])
try:
    Number = 5
    type Plain = int
    Plain[int]
except TypeError as e:
    print("TypeError:", e)
