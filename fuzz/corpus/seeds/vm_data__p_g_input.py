n = int(input("How many? "))
nums = []
for i in range(n):
    nums.append(float(input(f"#{i + 1}: ")))
print()
print(f"avg = {sum(nums) / len(nums):.3f}")
line = input().split()
print(line, [int(v) * 2 for v in line])
