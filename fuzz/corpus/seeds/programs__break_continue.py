# break and continue in while and for loops, nested.
for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
n = 0
while True:
    n += 1
    if n == 3:
        continue
    if n > 5:
        break
    print("n", n)
for i in range(3):
    for j in range(3):
        if j == i:
            break
        print(i, j)
found = -1
k = 0
while k < 100:
    if k * k > 50:
        found = k
        break
    k += 1
print("found", found)
