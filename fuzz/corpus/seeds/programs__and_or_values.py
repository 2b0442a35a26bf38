# `and` / `or` return one of their operands, not a bool.
print(0 or 5)
print(3 or 5)
print(0 and 5)
print(3 and 5)
print("" or "default")
print("value" or "default")
print(None or 0 or "last")
print(1 and 2 and 3)
print(1 and 0 and 3)
print(0 or None)
x = 0
y = x or 10
print(y)
print(not x and y)
print(1 or 2 and 0)
