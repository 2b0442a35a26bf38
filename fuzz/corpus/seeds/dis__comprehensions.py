nums = [1, 2, 3, 4, 5]
squares = [n * n for n in nums]
evens = [n for n in nums if n % 2 == 0]
pairs = [(a, b) for a in range(3) for b in range(3) if a != b]
s = {n % 3 for n in nums}
d = {n: n * n for n in nums}
def inside(items):
    return [x + 1 for x in items if x]
def capture(k):
    return [lambda: k * i for i in range(3)]
print(squares, evens, pairs, d, inside([0, 1]), len(capture(2)))
x = 10
r = [x for x in range(3)]
print(x, r)
