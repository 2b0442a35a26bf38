def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("bad input") from e

def load():
    try:
        parse("x")
    except RuntimeError:
        raise TypeError("load failed")

load()
