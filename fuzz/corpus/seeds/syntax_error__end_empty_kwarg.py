print("a", end=)
