def f(x):
    if x is None:
        return "none"
    if x is not None and x > 0:
        return "pos"
    return "other"
y = None
while y is None:
    y = 1
print(f(None), f(1), f(-1), y)
z = None if y is None else y
print(z)
