def greet(name, greeting):
    return greeting + ", " + name
print(greet("Bob"))
