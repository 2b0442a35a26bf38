from functools import lru_cache
import math

@lru_cache(maxsize=None)
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)

print(paths(10, 10), math.comb(20, 10), paths.cache_info().currsize)
