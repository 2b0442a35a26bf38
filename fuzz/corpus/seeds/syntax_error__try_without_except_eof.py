def f():
    try:
        x = 1
