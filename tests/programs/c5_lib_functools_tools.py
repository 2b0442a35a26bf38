from functools import lru_cache, cache, partial, reduce, wraps, total_ordering


@lru_cache(maxsize=None)
def ways(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    return ways(n - 1) + ways(n - 2) + ways(n - 3)


@cache
def collatz_len(n):
    return 1 if n == 1 else 1 + collatz_len(n // 2 if n % 2 == 0 else 3 * n + 1)


def trace(f):
    @wraps(f)
    def wrapper(*args):
        result = f(*args)
        print(f"{f.__name__}{args} = {result}")
        return result
    return wrapper


@trace
def power(base, exp):
    return base ** exp


@total_ordering
class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)


print(ways(20), collatz_len(27))
twice = partial(power, 2)
twice(9)
print(power.__name__, reduce(lambda a, b: a * b, [1, 2, 3, 4], 10))
print(Version(1, 2) <= Version(1, 3), Version(2, 0) > Version(1, 9), Version(1, 1) >= Version(1, 1))
