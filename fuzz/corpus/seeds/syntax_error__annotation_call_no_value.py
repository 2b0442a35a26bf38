f(a):
