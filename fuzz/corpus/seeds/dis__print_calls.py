name = "World"
print("Hello", name)
print("a", 1, 2.5, None, True)
print(len("abc"), max(1, 2), min([3, 4]), abs(-1))
print(str(1) + "2", int("3") + 4, float("1.5"))
