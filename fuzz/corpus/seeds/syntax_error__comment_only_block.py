if x:
    # nothing
y = 1
