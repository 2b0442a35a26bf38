from functools import lru_cache, reduce, cache
import functools
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90), fib.__name__)
@cache
def ways(n, coins=(1, 2, 5)):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])
print(ways(50))
@functools.lru_cache
def sq(x):
    print("computing", x)
    return x * x
print(sq(4), sq(4), sq(x=4))
print(reduce(lambda a, b: a * b, range(1, 11)), reduce(lambda a, b: a + b, [], 0))
try:
    reduce(max, [])
except TypeError as e:
    print(e)
print(fib(400) % 1000000007)
