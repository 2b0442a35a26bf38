# Floor division and modulo round towards negative infinity.
print(7 // 2, 7 % 2)
print(-7 // 2, -7 % 2)
print(7 // -2, 7 % -2)
print(-7 // -2, -7 % -2)
print(-1 // 10, -1 % 10)
print(7.5 // 2, 7.5 % 2)
print(-7.5 // 2, -7.5 % 2)
print(7 // 2.0, -7 % 2.5)
print(-12345678901234567890 // 7, -12345678901234567890 % 7)
a = -9
b = 4
print(a // b, a % b, a // -b, a % -b)
