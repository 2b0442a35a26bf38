def risky(n):
    if n == 0:
        raise ValueError("zero!")
    if n == 1:
        raise KeyError("k")
    return 10 // n

for n in [0, 1, 2, 5]:
    try:
        print("result", risky(n))
    except ValueError as e:
        print("value error:", e)
    except (KeyError, IndexError) as e:
        print("lookup error:", repr(e), e.args)
    else:
        print("no error")
    finally:
        print("finally", n)

class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code

try:
    raise MyError(42)
except Exception as e:
    print(type(e).__name__, e, e.code, isinstance(e, MyError))

def nested():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            print("inner caught")
            raise
    except ArithmeticError as e:
        print("outer caught", e)
    return "done"

print(nested())
try:
    [][1]
except IndexError as e:
    print("index", e)
try:
    {}["missing"]
except KeyError as e:
    print("key", e)
try:
    int("abc")
except ValueError as e:
    print(e)
try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print("assert", e)
def g():
    try:
        return "try"
    finally:
        print("cleanup")
print(g())
try:
    undefined_name
except NameError as e:
    print(e)
