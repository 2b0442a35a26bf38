if week =   # comment
    pass
