def f(x):
    return 10 / x

print(f(2))
print(f(0))
