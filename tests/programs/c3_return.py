def f(n):
    if n < 0:
        return
    if n == 0:
        return 0
    return n, n * 2
print(f(-1), f(0), f(3))
def g():
    for i in range(10):
        if i == 3:
            return i
print(g())
