# Module-level names: store, load, rebind.
a = 1
b = 2
c = a + b
print(a, b, c)
a = c * 10
print(a)
a, b = 5, 6
print(a, b)
x = y = 9
print(x, y)
name = "pvm"
print(name)
