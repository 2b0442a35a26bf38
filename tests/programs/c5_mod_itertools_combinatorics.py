from itertools import product, permutations, combinations, combinations_with_replacement
print(list(product('ab', range(2))))
print(list(product([0, 1], repeat=3)))
print(list(permutations('abc')))
print(list(permutations(range(4), 2)))
print(list(combinations('ABCD', 2)))
print(list(combinations(range(5), 3)))
print(list(combinations_with_replacement('abc', 2)))
print(len(list(permutations(range(5)))), list(combinations([1], 2)))
