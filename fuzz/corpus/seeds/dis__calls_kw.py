print("a", "b", sep="-")
print("x", end="")
print("y", sep=",", end="\n")
print()
def f(a, b, c=3):
    return a * b * c
print(f(1, 2), f(a=1, b=2), f(1, b=2, c=4))
