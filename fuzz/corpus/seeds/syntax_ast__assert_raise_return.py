def f():
    assert x
    assert x, "msg"
    raise
    raise E
    raise E from None
    return 1, 2
    return *a, b
