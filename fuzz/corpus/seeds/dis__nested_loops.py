for i in range(3):
    for j in range(3):
        if i == j:
            continue
        print(i, j)
i = 0
while i < 3:
    j = 0
    while j < 3:
        j += 1
        if j == 2:
            break
    i += 1
print(i, j)
