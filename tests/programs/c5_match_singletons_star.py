def check(v):
    match v:
        case True:
            return "True"
        case False:
            return "False"
        case None:
            return "None"
        case 0:
            return "zero"
        case [*_, None]:
            return "ends with None"
        case [None, *rest]:
            return f"starts with None then {rest}"
        case _:
            return "other"

for v in [True, False, None, 0, 0.0, 1, [1, None], [None, 2, 3], [None], []]:
    print(repr(v), check(v))
