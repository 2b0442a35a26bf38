def a():
    return
def b():
    return None
def c(x):
    if x:
        return 1
def d(x):
    return (1, 2)
def e(x):
    return "doc" if x else None
print(a(), b(), c(0), d(1), e(0))
