# Patterns in loops, with break/continue/return inside cases, nested matches,
# star captures that bind nothing, mappings with non-string keys, and
# class patterns on builtins with keyword sub-patterns.
def scan(items):
    out = []
    for item in items:
        match item:
            case "stop":
                break
            case "skip":
                continue
            case [x, *rest] if not rest:
                out.append(("one", x))
            case [x, *rest]:
                match rest:
                    case [y]:
                        out.append(("two", x, y))
                    case [_, _, *more]:
                        out.append(("many", x, len(more)))
            case {1: one, "two": two}:
                out.append(("map", one, two))
            case {0: zero}:
                out.append(("zero", zero))
            case complex() | bytes():
                out.append("odd type")
            case bool(b):
                out.append(("bool", b))
            case int(n) if n % 2:
                out.append(("odd", n))
            case int(real=r, imag=i):
                out.append(("even", r, i))
            case str() as s if len(s) > 3:
                out.append(("long", s))
            case tuple((a, b)):
                out.append(("tuple", a, b))
            case _:
                out.append(("other", item))
    return out


for entry in scan([[1], [1, 2], [1, 2, 3, 4], {1: "a", "two": 2}, {0: None}, True, 3, 4,
                   "hello", "hi", (5, 6), "skip", None, "stop", [9]]):
    print(entry)


def first_match(value):
    match value:
        case [*_, ("end" | "END")]:
            return "ends"
        case [("start" | "START"), *_]:
            return "starts"
        case {"nested": {"deep": [_, d]}}:
            return f"deep {d}"
    return "none"


for v in [["a", "end"], ["START", 1], {"nested": {"deep": [0, 42]}}, {"nested": {}}, []]:
    print(first_match(v))

point = (3, 4)
match point:
    case (0, 0):
        print("origin")
    case (x, 0) | (0, x):
        print("on an axis at", x)
    case (x, y) if x == y:
        print("diagonal")
    case (x, y):
        print(f"x={x} y={y}")
print(x, y)
