class MyError(Exception):
    pass
def f(x):
    if x < 0:
        raise MyError("negative")
    if x == 0:
        raise ValueError
    return x
try:
    f(-1)
except MyError as e:
    print("caught", e)
try:
    try:
        f(0)
    except ValueError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)
