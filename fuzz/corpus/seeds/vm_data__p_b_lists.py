a = list(range(10))
a[2:5] = ["x", "y"]
del a[::3]
print(a, a[::-1][:3], a[-3:], a[100:], len(a))
b = [5, 3, 8, 1, 9, 2]
b.sort(key=lambda v: v % 3)
print(b, sorted(b, reverse=True), sorted(["bb", "a", "ccc"], key=len))
pairs = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs), max(pairs, key=lambda p: p[1]))
m = [[i * j for j in range(3)] for i in range(3)]
print(m, [row[1] for row in m], list(zip(*m)))
print(list(enumerate("ab", start=5)), list(zip([1, 2, 3], "ab")), list(map(str, [1, 2])))
try:
    b.index(42)
except ValueError as e:
    print(e)
stack = []
stack.append(1); stack.append(2)
print(stack.pop(), stack, [] == [], [1] * 0, list("abc"), list({1: 2}), list((1, 2)))
c = [3, 1, 2]
d = c
d.append(4)
print(c, c is d, c == [3, 1, 2, 4], c.copy() is c, c.count(3), 3 in c, 9 not in c)
nums = [1, 2, 3, 4, 5, 6]
evens = [n for n in nums if n % 2 == 0]
print(evens, sum(evens), any(n > 5 for n in nums), all(n > 0 for n in nums), list(filter(lambda n: n > 3, nums)))
print([x for x in range(3)] + [y for y in "ab"], [(x, y) for x in range(2) for y in range(2) if x != y])
first, *middle, last = [1, 2, 3, 4, 5]
(p, q), r = (1, 2), 3
print(first, middle, last, p, q, r)
x, y = 1, 2
x, y = y, x
print(x, y)
print(*[1, 2, 3], sep=" | ")
