from itertools import permutations, combinations, product, accumulate, chain, groupby, cycle, repeat, zip_longest, islice

digits = "123"
print(["".join(p) for p in permutations(digits)])
print(list(combinations([1, 2, 3, 4], 2)))
print(len(list(product("ab", repeat=3))))
print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([3, 1, 4, 1, 5], max)))
print(list(chain("ab", [1, 2], (3,))))
for key, group in groupby("aaabccdddd"):
    print(key, len(list(group)))
print(list(islice(cycle("xyz"), 7)), list(repeat(0, 3)))
print(list(zip_longest([1, 2, 3], "ab", fillvalue="-")))
coins = [1, 2, 5]
ways = [c for r in range(1, 4) for c in combinations(coins, r) if sum(c) == 7]
print(ways)
