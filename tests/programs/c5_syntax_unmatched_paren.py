x = 3
y = (x + 1))
print(y)
