def kind(token):
    match token:
        case "+" | "-" as op:
            return f"additive {op}"
        case "*" | "/" | "//" | "%" as op:
            return f"multiplicative {op}"
        case ("(" | ")") as paren:
            return f"paren {paren}"
        case [("x" | "y") as var, int() as n]:
            return f"{var} times {n}"
        case _:
            return "other"

for t in ["+", "-", "*", "//", "(", ")", ["x", 3], ["y", 4], ["z", 1], "?"]:
    print(t, "->", kind(t))
