print("a", end=""
x = 1
