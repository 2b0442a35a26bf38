def outer():
    count = 0
    late = None
    def inc(step: int = 1) -> int:
        nonlocal count
        count += step
        return count
    def peek():
        return late
    return inc, peek
inc, peek = outer()
inc(); inc(5)
print(inc.__closure__[0].cell_contents, len(inc.__closure__))
print(inc.__annotations__, inc.__defaults__, inc.__name__, inc.__qualname__)
def plain(a, b):
    return a
print(plain.__closure__, plain.__annotations__)
plain.__annotations__["a"] = str
print(plain.__annotations__)
try:
    peek.__closure__[0].cell_contents
except ValueError as e:
    print("ValueError:", e)
lam = lambda x: x
print(lam.__annotations__, lam.__closure__)
