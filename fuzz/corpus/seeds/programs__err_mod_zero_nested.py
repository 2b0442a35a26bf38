# An exception raised three calls deep, after some output.
def inner(n):
    return 100 % n


def middle(n):
    return inner(n - 1) + 1


def outer(n):
    print("outer", n)
    return middle(n)


print(outer(3))
print(outer(1))
