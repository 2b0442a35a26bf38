# Integer arithmetic operators.
a = 17
b = 5
print(a + b)
print(a - b)
print(a * b)
print(a / b)
print(a // b)
print(a % b)
print(a ** 2)
print(b - a)
print(2 + 3 * 4)
print((2 + 3) * 4)
print(100 - 10 - 1)
print(2 ** 3 ** 2)
print(10 / 5)
print(7 * -3)
