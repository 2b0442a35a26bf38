import math as m, random as rnd
import itertools as it, functools as ft

print(m.factorial(6), m.gcd(12, 18), m.isqrt(50))
rnd.seed(7)
print([rnd.randint(1, 6) for _ in range(5)])
print(list(it.islice(it.count(10, 5), 4)))
print(ft.reduce(lambda a, b: a * 10 + b, [1, 2, 3]))
