def ISEOF(x)-:
    pass
