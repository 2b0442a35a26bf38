def f(a, b=2, c=[]):
    c.append(a)
    return a + b, c
print(f(1))
print(f(2))
print(f(3, 4, []))
def g(x, y=None):
    if y is None:
        y = x * 2
    return y
print(g(4), g(4, 1))
print(f.__defaults__)
