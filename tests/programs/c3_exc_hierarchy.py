for cls in (ZeroDivisionError, KeyError, IndexError, ValueError, TypeError,
            StopIteration, KeyboardInterrupt, SystemExit, GeneratorExit,
            NameError, UnboundLocalError, AttributeError, RecursionError,
            NotImplementedError, OverflowError, AssertionError, LookupError):
    print(cls.__name__, [b.__name__ for b in cls.__mro__[1:]])
print(issubclass(KeyError, LookupError), issubclass(Exception, BaseException))
try:
    {}["x"]
except LookupError as e:
    print("lookup", repr(e))
class MyErr(ValueError):
    pass
try:
    raise MyErr("custom")
except ValueError as e:
    print(type(e).__name__, e.args)
