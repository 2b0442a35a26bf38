def f():
    Exception.__init_{_(self, msg)
    return 1
