data = [1, 5, 8, 2]
if (n := len(data)) > 3:
    print("long", n)
vals = [y for x in data if (y := x * 2) > 5]
print(vals, y)
i = 0
while (i := i + 1) < 4:
    print(i, end=" ")
print()
print([last := k for k in range(3)], last)
