def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = make_counter()
print(c(), c(), c(5))

def adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders()])

def gen(n):
    for i in range(n):
        yield i * i
    return "end"

print(list(gen(5)))
g = gen(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stopped", e.value)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

out = []
for x in fib():
    if x > 50:
        break
    out.append(x)
print(out)
print(sum(x for x in range(10) if x % 2))
squares = {n: n * n for n in range(5)}
print(squares, {n % 3 for n in range(10)}, [(a, b) for a in range(2) for b in "xy"])
def deco(f):
    def wrapper(*args, **kwargs):
        print("calling", f.__name__, args, kwargs)
        return f(*args, **kwargs)
    return wrapper

@deco
def add(a, b=2):
    return a + b
print(add(1), add(1, b=5))
def delegate():
    yield from gen(3)
    yield "last"
print(list(delegate()))
print(sorted(["banana", "Apple", "cherry"], key=str.lower), sorted([3, 1, 2], reverse=True))
print(list(map(lambda s: s.upper(), ["a", "b"])), list(filter(None, [0, 1, 2, 0])), list(zip("ab", [1, 2, 3])))
print(list(enumerate("xyz", 1)), list(reversed([1, 2, 3])))
