# Functions with positional parameters and default values.
def greet(name, greeting="Hello", punct="!"):
    print(greeting + ", " + name + punct)


greet("Ada")
greet("Grace", "Hi")
greet("Linus", "Hey", "?")


def power(base, exp=2):
    return base ** exp


print(power(3), power(2, 10), power(5, 0))


def no_args():
    return 42


print(no_args())


def many(a, b, c, d, e):
    return a * 10000 + b * 1000 + c * 100 + d * 10 + e


print(many(1, 2, 3, 4, 5))
