def first[T](items: list) -> T:
    return items[0]


def swap[A, B](pair: tuple) -> tuple:
    a, b = pair
    return b, a


def apply[T, R](f, x: T) -> R:
    return f(x)


print(first([10, 20]), first("xyz"))
print(swap((1, "one")))
print(apply(len, "hello"))
print(first.__type_params__, swap.__type_params__, apply.__type_params__)
def plain(x): return x
print(plain.__type_params__)
T, = first.__type_params__
print(T.__name__, type(T).__name__, T.__bound__, T.__constraints__)
print(first.__name__, first.__qualname__)
