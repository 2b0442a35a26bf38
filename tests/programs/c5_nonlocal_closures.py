def accumulator():
    total = 0
    history = []

    def add(x):
        nonlocal total
        total += x
        history.append(total)
        return total

    return add, history


add, history = accumulator()
for v in [3, 4, 5]:
    add(v)
print(history)
print(add.__code__.co_freevars, add.__code__.co_name, add.__code__.co_varnames, add.__code__.co_argcount)
print(accumulator.__code__.co_cellvars, add.__code__ is add.__code__)


def make_adders():
    adders = []
    for i in range(3):
        def adder(x, i=i):
            return x + i
        adders.append(adder)
    late = [lambda x: x + i for i in range(3)]
    return [f(10) for f in adders], [f(10) for f in late]


print(make_adders())


def fib_memo():
    cache = {0: 0, 1: 1}

    def fib(n):
        if n not in cache:
            cache[n] = fib(n - 1) + fib(n - 2)
        return cache[n]

    return fib


print(fib_memo()(30))
