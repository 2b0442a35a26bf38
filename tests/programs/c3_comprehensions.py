print([x * 2 for x in range(5) if x % 2 == 0])
print({x % 3 for x in range(10)})
print({k: v for k, v in zip("abc", range(3))})
print([(i, j) for i in range(3) for j in range(i)])
m = [[1, 2], [3, 4]]
print([v for row in m for v in row])
print([[r[i] for r in m] for i in range(2)])
x = "outer"
print([x for x in "ab"], x)
def f(n):
    return [n * i for i in range(n)]
print(f(3))
print({v: k for k, v in {"a": 1, "b": 2}.items()})
