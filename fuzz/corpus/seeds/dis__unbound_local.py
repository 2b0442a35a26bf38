def f(flag):
    if flag:
        x = 1
    return x
def g():
    for i in range(3):
        pass
    return i
def h():
    y = 1
    del y
    return y
print(f(True), g())
