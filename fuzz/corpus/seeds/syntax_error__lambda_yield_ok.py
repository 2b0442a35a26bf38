f = lambda x: (yield)
