class = "3A"
print(class)
