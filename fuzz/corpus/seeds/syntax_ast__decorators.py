@dec
def f(): pass

@dec.attr
@dec2(1, 2)
def g(): pass
