def f():
    x = 1
    s = '''abc
    return s
