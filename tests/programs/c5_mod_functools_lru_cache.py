from functools import lru_cache, cache

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80))
print(fib.cache_info())

@cache
def ways(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    return ways(n - 1) + ways(n - 2) + ways(n - 3)

print(ways(30))

@lru_cache(maxsize=2)
def sq(x):
    print('computing', x)
    return x * x

print(sq(2), sq(3), sq(2), sq(4), sq(3))
print(sq.cache_info().hits, sq.cache_info().misses)
sq.cache_clear()
print(sq.cache_info())

@lru_cache
def plain(x):
    return -x
print(plain(3), plain(3), plain.cache_info())
