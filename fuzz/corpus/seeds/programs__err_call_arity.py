# Calling a function with too many positional arguments.
def pair(a, b=2):
    return a + b


print(pair(1))
print(pair(1, 5))
print(pair(1, 2, 3))
