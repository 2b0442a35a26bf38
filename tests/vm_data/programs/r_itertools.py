from itertools import permutations, combinations, product, chain, accumulate, islice, zip_longest
import string
print(list(permutations("abc")), list(permutations([1, 2, 3], 2)))
print(list(combinations(range(4), 2)), list(product("ab", [0, 1])), list(product([0, 1], repeat=2)))
print(list(chain([1], (2, 3), "xy")), list(accumulate([1, 2, 3, 4])), list(islice(range(10), 2, 8, 2)), list(zip_longest("ab", "xyz", fillvalue="-")))
print(string.ascii_lowercase[:5], string.digits, len(string.punctuation))
try:
    from math import nope
except ImportError as e:
    print(type(e).__name__)
