def f(x):
    if x is ():
        return [1, 2](3) if False else 0
    return x is not None and x is True
a = "abc"[1.5] if False else 0
b = {1, 2}[0] if False else 0
c = 1 < 2 is 3
d = f"{a}"["k"] if False else 0
print(f(None), a, b, c, d)
