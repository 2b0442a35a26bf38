# Function locals shadow module names and disappear after the call.
x = "global x"


def f(a, b):
    x = a * b
    y = x + 1
    return x + y


def g():
    total = 0
    total = total + f(2, 3)
    total = total + f(4, 5)
    return total


print(f(2, 3))
print(g())
print(x)
