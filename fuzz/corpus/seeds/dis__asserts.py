def check(x):
    assert x > 0
    assert x < 100, "too big"
    return x
print(check(5))
try:
    check(-1)
except AssertionError:
    print("failed")
