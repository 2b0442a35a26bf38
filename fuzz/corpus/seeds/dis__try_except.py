def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return None
    except (TypeError, ValueError) as e:
        print("error", e)
        raise
print(safe_div(1, 0))
try:
    x = int("abc")
except ValueError as err:
    print("bad", err)
else:
    print("ok")
try:
    pass
except:
    print("never")
