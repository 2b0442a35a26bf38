e = "before"
try:
    raise ValueError("v")
except ValueError as e:
    print("inside", e)
print("e" in globals())
def f():
    try:
        1 / 0
    except ZeroDivisionError as err:
        saved = err
    return type(saved).__name__
print(f())
