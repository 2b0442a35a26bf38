def add(a, b):
    return a + b
def apply(f, x, y):
    return f(x, y)
print(apply(add, 1, 2))
print(add(add(1, 2), add(3, 4)))
def loop_sum(items):
    total = 0
    for item in items:
        total = add(total, item)
    return total
print(loop_sum([1, 2, 3]))
