def f(x):
    try:
        try:
            return 1 / x
        except ZeroDivisionError:
            return "zero"
        finally:
            print("inner")
    except Exception as e:
        print("outer", e)
        return None
    finally:
        print("outer finally")
print(f(0), f(2), f("a"))
def g():
    for i in range(3):
        try:
            if i == 1:
                break
        except ValueError:
            continue
    while True:
        try:
            return i
        finally:
            pass
print(g())
