x = "global x"


def f():
    x = "f's x"

    def g():
        global x
        x = "set by g"

    def h():
        nonlocal x
        x = "set by h"

    g()
    after_g = x
    h()
    return after_g, x


print(f(), x)


def walrus_scope():
    values = [3, 8, 1, 9]
    if any((big := v) > 5 for v in values):
        print("first big value", big)
    return [(last := v * 2) for v in values], last


print(walrus_scope())
