def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"))
print(greet("Bob", "Hi"))
def noargs():
    pass
def kwonly(a, *, b=1, c):
    return a + b + c
print(kwonly(1, c=2))
noargs()
