for i in range(5):
    print(i)
for i in range(2, 10, 3):
    print(i, end=" ")
print()
total = 0
for x in [1, 2, 3, 4]:
    total += x
print(total)
for ch in "abc":
    print(ch)
