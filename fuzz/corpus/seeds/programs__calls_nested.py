# Calls inside calls, functions calling functions.
def square(x):
    return x * x


def add(a, b):
    return a + b


def sum_of_squares(a, b):
    return add(square(a), square(b))


print(square(add(2, 3)))
print(sum_of_squares(3, 4))
print(add(add(1, 2), add(3, add(4, 5))))
print(len([square(1), square(2)]))


def apply_twice(n):
    return square(square(n))


print(apply_twice(3))
