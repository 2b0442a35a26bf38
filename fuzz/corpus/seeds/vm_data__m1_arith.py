a = 7
b = -3
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, 2 ** -1)
print(-a // 2, -a % 2, 7.5 // 2, -7.5 % 2, 10 / 4, 2 ** 100, -2 ** 63)
print(1e16, 1.5, 0.1 + 0.2, 1 / 3, float(10), int(3.9), int("42"), str(3.0))
big = 12345678901234567890 * 98765432109876543210
print(big, big // 7, big % 1000, -big)
print(True + True, not a, not 0, a > b, a == 7.0, 3 != 3, 1 < 2 < 3)
print(a and b, 0 or "x", None, "s" * 3, [1, 2] + [3])
x = 5
x += 2
x *= 3
print(x, abs(-4), max(3, 9, 2), min([4, 1, 7]), sum(range(10)), round(2.5), round(3.14159, 2))
