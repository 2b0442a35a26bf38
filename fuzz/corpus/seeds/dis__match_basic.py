def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case None:
            return "none"
        case True:
            return "true"
        case "hello":
            return "greeting"
        case n if n > 100:
            return "big"
        case _:
            return "other"
for v in (0, 2, -1, None, True, "hello", 500, 50):
    print(describe(v))
