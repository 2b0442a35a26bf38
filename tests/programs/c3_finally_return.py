def f():
    try:
        return "try"
    finally:
        print("in finally")
print(f())
def g():
    try:
        1 / 0
    finally:
        return "swallowed"
print(g())
def h():
    for i in range(3):
        try:
            raise ValueError
        finally:
            break
    return i
print(h())
def k():
    x = 0
    try:
        x = 1
        return x
    finally:
        x = 2
print(k())
