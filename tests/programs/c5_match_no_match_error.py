def parse(pair):
    match pair:
        case (a, b):
            return a, b
        case {"a": a}:
            return a, None
    return None

print(parse((1, 2)))
print(parse({"a": 7}))
print(parse(5))


class P:
    __match_args__ = ("x",)

    def __init__(self, x):
        self.x = x


match P(1):
    case P(x, y):
        print("two", x, y)
