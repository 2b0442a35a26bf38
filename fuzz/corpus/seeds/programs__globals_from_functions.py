# Functions read module-level names at call time.
scale = 2


def scaled(x):
    return x * scale


print(scaled(5))
scale = 10
print(scaled(5))


def show():
    print("scale is", scale, "and limit is", limit)


limit = 99
show()
