# Chained comparisons evaluate each operand once and stop at the first false.
x = 5
print(1 < x < 10)
print(1 < x > 10)
print(0 <= x <= 5 <= 5)
print(1 == 1 == 1.0)
print(3 > 2 > 1 > 0)
print(3 > 2 > 2 > 0)


def loud(n):
    print("eval", n)
    return n


print(loud(1) < loud(2) < loud(3))
print(loud(3) < loud(2) < loud(1))
if 0 < x < 10:
    print("in range")
