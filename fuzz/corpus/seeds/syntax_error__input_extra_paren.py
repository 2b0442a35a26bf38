x = input("a"))
