# Run mode runs `sum(gen)` of a generator in its main loop: each int the
# generator yields is added there, and anything else (a float, a bool, an
# int past 64 bits, a str) hands over to sum's general loop from that item on.

def count(n):
    i = 0
    while i < n:
        yield i
        i += 1

print(sum(count(10)), sum(x * x for x in range(7) if x % 2))
print(sum(count(0)), sum(x for x in []))

def mixed():
    yield 1
    yield 2
    yield 0.5
    yield 3

def with_bools():
    yield 4
    yield True
    yield 5

def big():
    yield 2**62
    yield 2**62
    yield 2**62
    yield -2**63

print(sum(mixed()), sum(with_bools()), sum(big()))

def strs():
    yield 1
    yield "two"
    yield 3

def try_strs():
    g = strs()
    try:
        sum(g)
    except TypeError as e:
        print("TypeError", e)
    print(list(g))

try_strs()

# A generator that raises, one whose StopIteration becomes a RuntimeError,
# one with a finally, and one partly used before.
def raises():
    yield 1
    yield 2
    raise ValueError("in the generator")

try:
    print(sum(raises()))
except ValueError as e:
    print("ValueError", e)

def stops():
    yield 1
    raise StopIteration

try:
    sum(stops())
except RuntimeError as e:
    print("RuntimeError", e)

def guarded():
    try:
        yield 10
        yield 20
    finally:
        print("finally ran")

print(sum(guarded()))

g = count(6)
print(next(g), next(g))
print(sum(g), sum(g))

# sum of a generator already running, and sums nested in a generator that a
# sum drives.
def self_sum():
    yield 1
    yield sum(me)

me = self_sum()
try:
    print(sum(me))
except ValueError as e:
    print("ValueError", e)

def rows(n):
    for r in range(n):
        yield sum(c for c in range(r + 1))

print(sum(rows(6)), list(rows(4)))

# A start value, a keyword start and a shadowed sum take the general path.
print(sum(count(4), 100), sum(count(4), start=0.5))

def in_function():
    total = 0
    for k in range(3):
        total += sum(j * k for j in count(5))
    return total

print(in_function())

def sum(items, start=0):
    return "shadowed"

print(sum(count(3)))
del sum

# Uncaught, from inside the generator: the traceback goes through the sum.
def bad(n):
    for i in range(n):
        yield 10 // (n - i - 1)

print(sum(bad(3)))
