n = 0
while n < 3:
    n += 1
else:
    print("loop ended normally", n)
while True:
    n -= 1
    if n == 1:
        break
else:
    print("never")
print(n)
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    print(i, end=" ")
print()
