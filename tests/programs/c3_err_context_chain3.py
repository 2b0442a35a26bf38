def f():
    try:
        [][0]
    except IndexError:
        try:
            {}["k"]
        except KeyError:
            raise RuntimeError("third")
f()
