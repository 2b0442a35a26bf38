def outer[T](x: T):
    def inner[U](y: U) -> tuple:
        return (x, y)

    class Holder[V]:
        def __init__(self, v: V):
            self.v = (x, v)

    return inner, Holder


inner, Holder = outer(1)
print(inner("a"), Holder(2).v)
print(inner.__type_params__, Holder.__type_params__)
print(inner.__qualname__, Holder.__qualname__)
print(outer.__type_params__)


class Matrix[T]:
    class Row[U]:
        def __init__(self, *cells):
            self.cells = cells

    def __init__(self, *rows):
        self.rows = [Matrix.Row(*r) for r in rows]


m = Matrix((1, 2), (3, 4))
print([r.cells for r in m.rows], Matrix.Row.__qualname__, Matrix.Row.__type_params__)
