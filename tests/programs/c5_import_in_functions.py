def stats(xs):
    import statistics_not_here
    return xs


def mean(xs):
    from math import fsum
    return fsum(xs) / len(xs)


def shuffle_copy(xs, seed):
    import random as r
    r.seed(seed)
    ys = list(xs)
    r.shuffle(ys)
    return ys


print(mean([1, 2, 3, 4]))
print(shuffle_copy(range(8), 3))
try:
    stats([1])
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
    print(e.name)
