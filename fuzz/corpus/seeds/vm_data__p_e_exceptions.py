def a():
    return b()
def b():
    return {"k": 1}["missing"]
try:
    a()
except LookupError as e:
    print("caught", type(e).__name__, e)
def order():
    log = []
    for i in range(3):
        try:
            if i == 1:
                continue
            log.append(f"try{i}")
        finally:
            log.append(f"fin{i}")
    return log
print(order())
try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise TypeError("outer") from None
except TypeError as e:
    print(e, e.__cause__, e.__suppress_context__)
class ValidationError(Exception):
    def __init__(self, field, msg):
        super().__init__(f"{field}: {msg}")
        self.field = field
try:
    raise ValidationError("age", "must be positive")
except ValidationError as e:
    print(e, e.field, e.args)
def check(n):
    assert n > 0
    return n
try:
    check(-1)
except AssertionError as e:
    print("assert failed", repr(e))
try:
    raise Exception("a", 1)
except Exception as e:
    print(e, e.args, str(e), repr(e))
for exc in (ZeroDivisionError, ValueError, IndexError):
    try:
        raise exc
    except (ZeroDivisionError, IndexError):
        print("handled", exc.__name__)
    except Exception as e:
        print("generic", repr(e))
def f():
    try:
        return 1
    finally:
        print("finally runs before return")
print(f())
while True:
    try:
        x = int("12a")
    except ValueError as err:
        print("bad", err)
        break
else:
    print("never")
try:
    import nonexistent_mod
except ImportError as e:
    print(type(e).__name__, e)
def outer():
    try:
        inner()
    except RuntimeError as e:
        raise KeyError("wrapped") from e
def inner():
    raise RuntimeError("boom")
outer()
