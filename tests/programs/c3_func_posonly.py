def f(a, b, /, c, *, d):
    return a, b, c, d
print(f(1, 2, 3, d=4))
print(f(1, 2, c=3, d=4))
def g(x, /, y=2):
    return x + y
print(g(1), g(1, 5), g(1, y=10))
