# Sorting with keys the VM can order natively: numbers, strs and tuples of them.
import random

random.seed(7)
words = ["pear", "Apple", "apple", "éclair", "zeta", "Zeta", "", "a", "ab", "b", "ça", "日本"]
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=str.lower))

# Stability: equal keys keep their order, also when reversed.
pairs = [(i % 5, i) for i in range(120)]
random.shuffle(pairs)
by_first = sorted(pairs, key=lambda t: t[0])
print(by_first[:12])
print(sorted(pairs, key=lambda t: t[0], reverse=True)[:12])
pairs.sort(key=lambda t: -t[0])
print(pairs[:8], pairs[-8:])

# Mixed ints, floats and bools compare exactly (no rounding of big ints).
nums = [3, 2.5, True, -1, 0.0, -0.0, 0, 2**53 + 1, 2.0**53, 2**53, 1e300, -1e300, float("inf"), -float("inf"), 7.25, 2**63 - 1, -2**63]
print(sorted(nums))
print(sorted(nums, reverse=True))
print(2**53 + 1 > 2.0**53, 2**53 + 1 == 2.0**53, 2**53 == 2.0**53, 2**63 - 1 < 2.0**63, -2**63 == -2.0**63)
print(10**30 > 1e30, 10**30 == 1e30, 2**100 == 2.0**100, 2**100 + 1 > 2.0**100, -(2**100) < -1e29)
print(sorted([10**30, 1e30, 10**30 - 1, 1e30 + 2**50]))

# Tuples: mixed lengths, mixed int/float at a position, strs.
tuples = [(1, "b"), (1, "a"), (0.5, "z"), (1,), (1.0, "a", 3), (), (2, ""), (True, "c"), (1, "a", 2)]
print(sorted(tuples))
print(sorted(tuples, reverse=True))
keyed = sorted(range(200), key=lambda p: (p % 7, -p))
print(keyed[:10], keyed[-10:])
print(sorted(range(100), key=lambda p: (p % 3, p % 2 * 0.5, str(p)))[:15])

# NaN: the general path (CPython's comparisons, whatever order they give).
nan = float("nan")
print(sorted([3, nan, 1, 2]))
print(sorted([(1, nan), (0, 5), (1, 2)]))
print(sorted([(nan, 1), (nan, 0)], key=lambda t: t[1]))

# Keys that do not order: the error of CPython's comparison.
for bad in ([1, "a"], [(1, 2), (1, "x")], [(1,), [1]], [None, None]):
    try:
        sorted(bad)
    except TypeError as e:
        print("TypeError:", e)
print(sorted([(1, 2), (0, "x")]))

# A key function that raises part way, and one with defaults.
def key(x, scale=10):
    if x == 13:
        raise ValueError("unlucky")
    return -x * scale
try:
    sorted(range(20), key=key)
except ValueError as e:
    print("ValueError:", e)
print(sorted(range(12), key=key))
lst = list(range(100))
try:
    lst.sort(key=lambda x: 1 / (x - 50))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e, len(lst), lst[:3])
print(sorted(range(10), key=lambda x, *rest: -x))
print(sorted(["b", "a"], key=lambda s: s * 2))
