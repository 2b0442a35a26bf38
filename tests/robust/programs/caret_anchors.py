def f(x, y):
    return (x) // (y)
try:
    f(1, 0)
except ZeroDivisionError:
    pass
values = {'é': 1}
print(values['é'] + (values) @ 3)
