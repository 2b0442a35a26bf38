a = b = c = 5
print(a, b, c)
x = y = [1, 2]
x.append(3)
print(y, x is y)
