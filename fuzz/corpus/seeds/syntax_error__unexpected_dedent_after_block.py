def f():
    if x:
        pass
      y = 1
