# Adding an int and a str.
x = 1
print("before")
y = x + "a"
print(y)
