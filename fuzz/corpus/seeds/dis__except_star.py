def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as e:
        print("value", e.exceptions)
    except* TypeError:
        print("type")
    except* (KeyError, IndexError) as g:
        print("key", len(g.exceptions))
    else:
        print("no error")
def g():
    try:
        pass
    except* OSError:
        pass
    finally:
        print("finally")
try:
    f()
    g()
except* Exception as rest:
    print("rest", rest)
