def add(a, b, a):
    return a + b
