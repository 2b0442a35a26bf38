def a():
    x = 0
    def b():
        def c():
            nonlocal x
            x += 1
            return x
        return c()
    b()
    return b()
print(a())
def shadow():
    x = 1
    def inner():
        x = 2
        return x
    return inner(), x
print(shadow())
