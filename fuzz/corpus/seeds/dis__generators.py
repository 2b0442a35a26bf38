def gen(n):
    for i in range(n):
        yield i * i
def delegate():
    yield from gen(3)
    yield 100
print(list(gen(4)), list(delegate()))
g = (x * 2 for x in range(3))
print(sum(g))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
