# Comparison operators on ints, floats, strings and booleans.
print(1 < 2, 2 < 1, 2 <= 2, 3 >= 4, 5 > 4)
print(1 == 1, 1 != 1, 1 == 1.0, 2 != 2.5)
print("abc" < "abd", "b" > "abc", "x" == "x", "x" != "y")
print(True == 1, False < True)
print(None == None, None != 0)
print(10 ** 20 > 10 ** 19, -(10 ** 20) < 0)
print(0.1 + 0.2 == 0.3)
a = 3
b = 7
print(a < b, a > b, a == b)
