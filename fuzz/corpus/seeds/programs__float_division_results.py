# True division always gives a float; mixed int/float arithmetic.
print(6 / 3, 7 / 2, -7 / 2, 1 / 7)
print(10 ** 20 / 10 ** 10)
print(2 ** 64 / 3)
print(1 + 2.0, 3 * 1.0, 5 - 5.0)
print(0.5 + 0.25 + 0.125)
average = (3 + 4 + 5) / 3
print(average)
print(22 / 7)
print(1e-10 / 3)
