with (open(a) as b)
    pass
