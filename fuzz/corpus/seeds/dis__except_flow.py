def f(items):
    out = []
    for x in items:
        try:
            out.append(10 // x)
        except ZeroDivisionError as e:
            out.append(str(e))
            continue
        except TypeError:
            break
        finally:
            out.append("f")
    return out
def g():
    try:
        raise KeyError("k")
    except KeyError as err:
        return repr(err)
def h():
    try:
        try:
            raise ValueError
        except ValueError:
            raise
    except ValueError:
        return "reraised"
def k():
    for i in range(3):
        try:
            pass
        finally:
            continue
    return i
print(f([1, 0, "a", 2]), g(), h(), k())
