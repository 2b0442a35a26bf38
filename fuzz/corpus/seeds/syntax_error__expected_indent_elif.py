if x:
    pass
elif y:
x
