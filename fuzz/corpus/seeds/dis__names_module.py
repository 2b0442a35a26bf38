x = 1
y = x
z = y + x
del z
print(x, y)
