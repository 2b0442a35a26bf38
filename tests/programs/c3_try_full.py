def f(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print("zero")
        return None
    except TypeError as e:
        print("type:", e)
        return None
    else:
        print("ok", r)
        return r
    finally:
        print("finally", x)
print(f(2))
print(f(0))
print(f("a"))
try:
    int("x")
except (ValueError, TypeError) as e:
    print(type(e).__name__, e)
