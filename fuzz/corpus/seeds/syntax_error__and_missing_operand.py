if x > 5 and < 10:
    pass
