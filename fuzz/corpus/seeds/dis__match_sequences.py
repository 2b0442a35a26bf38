def f(cmd):
    match cmd:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [x, y]:
            return f"two {x} {y}"
        case [first, *rest]:
            return f"first {first} rest {rest}"
def g(p):
    match p:
        case (0, 0):
            return "origin"
        case (x, 0) | (0, x):
            return f"axis {x}"
        case [x, y, *_]:
            return f"xy {x} {y}"
        case [*_, last]:
            return last
        case _:
            return None
print(f([]), f([1]), f([1, 2]), f([1, 2, 3]), g((0, 0)), g((3, 0)), g([1, 2, 3]))
