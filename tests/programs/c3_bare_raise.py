def risky():
    raise KeyError("missing")
def wrap():
    try:
        risky()
    except KeyError:
        print("logging")
        raise
try:
    wrap()
except KeyError as e:
    print("reraised", e)
try:
    try:
        raise ValueError(1)
    except ValueError as e:
        raise TypeError(2) from e
except TypeError as t:
    print(repr(t), repr(t.__cause__), t.__suppress_context__)
try:
    try:
        raise ValueError(1)
    except ValueError:
        raise TypeError(2)
except TypeError as t:
    print(repr(t.__context__), t.__cause__)
try:
    raise TypeError(3) from None
except TypeError as t:
    print(t.__cause__, t.__suppress_context__)
