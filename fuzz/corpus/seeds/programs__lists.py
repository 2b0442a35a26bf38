# List literals, indexing (incl. negative) and len.
empty = []
print(empty, len(empty))
nums = [10, 20, 30, 40]
print(nums)
print(nums[0], nums[3], nums[-1], nums[-4])
print(len(nums))
mixed = [1, "two", 3.0, None, True, [5, 6]]
print(mixed)
print(mixed[5][1], mixed[-1][-2])
print(len(mixed))
i = 2
print(nums[i], nums[i - 1], nums[-i])
print(["quote's", 'say "hi"'])
nested = [[1, 2], [3, [4, 5]]]
print(nested[1][1][0])
