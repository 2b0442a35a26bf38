print("a" + )
