def make_counter(start=0):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    def get():
        return count

    return increment, get


inc, get = make_counter(10)
inc()
inc(5)
print(get())

inc2, get2 = make_counter()
print(inc2(), inc2(), get(), get2())


def outer():
    x = "outer"

    def middle():
        x = "middle"

        def inner():
            nonlocal x
            x = "changed by inner"

        inner()
        return x

    result = middle()
    return x, result


print(outer())
