def doc():
    """This docstring never ends.

    return 42

print(doc())
