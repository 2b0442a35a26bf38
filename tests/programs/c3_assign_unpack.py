a, b = 1, 2
a, b = b, a
print(a, b)
[c, d] = "xy"
print(c, d)
(e, f), g = (3, 4), 5
print(e, f, g)
for i, (j, k) in enumerate([(1, 2), (3, 4)]):
    print(i, j, k)
