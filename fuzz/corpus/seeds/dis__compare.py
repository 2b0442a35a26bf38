a = 3
b = 5
print(a < b, a <= b, a == b, a != b, a > b, a >= b)
print(a is b, a is not b, a in [1, 2, 3], a not in (4, 5))
print(1 < a < 10)
print(1 < a < b < 10)
if 0 < a < 10:
    print("in range")
