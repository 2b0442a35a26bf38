# Run mode resumes a generator from FOR_ITER and hands its yield back to the
# caller without leaving its loop; the RESUME and POP_TOP after a `yield`
# statement and the STORE_FAST after FOR_ITER run inside that switch, and
# `sum` of a list or tuple of ints is answered inline.

def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

def odd(it):
    for x in it:
        if x % 2:
            yield x

def squares(it):
    for x in it:
        yield x * x % 1000

def windows(it, size):
    window = []
    for x in it:
        window.append(x)
        if len(window) == size:
            yield sum(window)
            window = []

def pipeline():
    total = 0
    count = 0
    for s in windows(squares(odd(numbers(400))), 7):
        total += s
        count += 1
    return count, total

print(pipeline())

# The local a FOR_ITER stores into already holds a generator: that one is
# released as STORE_FAST's own arm does.
def overwrite():
    x = numbers(3)
    for x in numbers(2):
        print("x", x)
    return x

print(overwrite())

# A yield whose value is used (no POP_TOP after its RESUME), and send().
def echo():
    got = []
    while True:
        v = yield len(got)
        if v is None:
            break
        got.append(v)
    yield got

def drive():
    e = echo()
    print(next(e), e.send("a"), e.send("b"))
    print(next(e))
    print(next(e, "done"))
    for y in echo():
        print("y", y)

drive()

# A generator that raises while a for loop in a function drives it, one that
# is exhausted early, and one that is already running.
def boom(n):
    for i in range(n):
        yield i
    raise ValueError("boom after %d" % n)

def catch():
    seen = []
    try:
        for v in boom(3):
            seen.append(v)
    except ValueError as e:
        seen.append(str(e))
    return seen

print(catch())

def reenter():
    yield 1
    for v in me:
        yield v

me = reenter()
try:
    for v in me:
        print("me", v)
except ValueError as e:
    print("ValueError", e)

def early():
    g = numbers(10)
    for v in g:
        if v == 3:
            break
    rest = []
    for v in g:
        rest.append(v)
    return rest

print(early())

# Generator frames nested deeper, with try/finally around the yield.
def guarded(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("guarded done", n)

def outer():
    out = []
    for a in guarded(2):
        for b in guarded(a + 1):
            out.append((a, b))
    return out

print(outer())

# sum of lists and tuples: ints, bools, floats, big ints, overflow mid-way,
# empty, a start value, a list subclass, and a shadowed sum.
def sums():
    print(sum([1, 2, 3]), sum((4, 5, 6)), sum([]), sum(()))
    print(sum([True, True, 3]), sum([1, 2.5]), sum([2**62, 2**62, -5]))
    print(sum([9223372036854775807, 1]), sum([-9223372036854775807, -2]))
    print(sum([1, 2], 10), sum([[1], [2]], []))
    class L(list):
        pass
    print(sum(L([1, 2, 3])))
    w, three_hundred = [100, 200], 300
    print(sum(w) is three_hundred, sum(w) == three_hundred)
    try:
        sum([1, "a"])
    except TypeError as e:
        print("TypeError", e)

sums()

def sum(items):
    return "shadowed %d" % len(items)

def shadowed():
    return sum([1, 2, 3])

print(shadowed())
del sum
print(sum([7, 8]))
