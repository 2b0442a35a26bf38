def gen():
    yield 1
    yield 2
    return "done"
g = gen()
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
def countdown(n):
    while n > 0:
        yield n
        n -= 1
print(list(countdown(4)))
print(sum(countdown(10)))
