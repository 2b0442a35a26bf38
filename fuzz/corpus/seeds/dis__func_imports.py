def f():
    import math
    from os import path as p
    return math.pi, p.sep
def g():
    import os.path
    return os.path.join("a")
print(f(), g())
