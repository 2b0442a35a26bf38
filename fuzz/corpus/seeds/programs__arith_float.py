# Float arithmetic and int/float mixing.
print(1.5 + 2.25)
print(0.1 * 3)
print(10 - 0.5)
print(3 * 1.5)
print(7 / 2)
print(-7 / 2)
print(6 / 3)
print(1 / 8)
print(2.0 ** 10)
print(2 ** 0.5)
print(1e300 * 10)
print(-1e300 * 1e10)
x = 1.0
i = 0
while i < 5:
    x = x / 3
    i += 1
print(x)
