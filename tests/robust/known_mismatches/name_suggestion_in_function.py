def f1(a):
    return f0(a)
f1(1)
