import_ok = True
def a():
    return b()
def b():
    raise RuntimeError("deep")
try:
    a()
except RuntimeError as e:
    print("caught", e, type(e).__mro__[1].__name__)
