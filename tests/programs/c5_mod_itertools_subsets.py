import itertools

def subsets(items):
    for r in range(len(items) + 1):
        yield from itertools.combinations(items, r)

print(list(subsets([1, 2, 3])))
target = 10
nums = [2, 3, 5, 7, 8]
print([c for c in subsets(nums) if sum(c) == target])
print(sum(1 for _ in itertools.product(range(3), repeat=4)))
