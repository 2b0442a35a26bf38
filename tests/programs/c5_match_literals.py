def describe(code):
    match code:
        case 200:
            return "OK"
        case 301 | 302:
            return "redirect"
        case 404:
            return "not found"
        case "teapot":
            return "I'm a teapot"
        case None:
            return "no code"
        case True:
            return "true?"
        case -1:
            return "negative one"
        case 2.5:
            return "two and a half"
        case _:
            return f"unknown {code!r}"

for c in [200, 302, 404, "teapot", None, True, -1, 2.5, 1, 999, "x"]:
    print(c, "->", describe(c))
