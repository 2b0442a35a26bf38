# Builtins that hand back the very object they were given, as CPython does:
# int() of an int, float() of a float, abs() of a non-negative int.
x = 5000
b = 2**100
f = 2.5
n = -7000
print(int(x) is x, abs(x) is x, int(b) is b, abs(b) is b, float(f) is f, abs(f) is f)
print(abs(n) is n, abs(n) == 7000, int(True) is True, int(True), float(x) is x)
print(abs(-b) is b, abs(-b) == b, int("5000") is x)


class I(int):
    pass


i = I(9999)
print(type(int(i)), int(i) is i, type(abs(i)), abs(i) is i)
