def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = make_counter()
c()
print(c())
def outer(x):
    def middle():
        def inner():
            return x
        return inner
    return middle()()
print(outer(5))
def adder(n):
    return lambda x: x + n
print(adder(2)(3))
