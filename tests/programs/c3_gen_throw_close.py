def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("got", e)
        yield 99
    finally:
        print("cleanup")
it = g()
print(next(it))
print(it.throw(ValueError("boom")))
it.close()
print("closed")
def h():
    try:
        yield 1
    except GeneratorExit:
        print("exit seen")
        raise
x = h()
next(x)
x.close()
