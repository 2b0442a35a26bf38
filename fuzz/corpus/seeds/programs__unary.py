# Unary minus, plus and not.
x = 5
print(-x)
print(- -x)
print(-(-3))
print(+x)
print(-0.0)
print(-2.5)
print(not x)
print(not 0)
print(not "")
print(not "a")
print(not None)
print(not not x)
print(-True)
y = -x * 2
print(y)
