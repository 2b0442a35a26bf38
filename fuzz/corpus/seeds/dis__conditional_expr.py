def sign(x):
    return "pos" if x > 0 else "neg" if x < 0 else "zero"
print(sign(1), sign(-1), sign(0))
a = 1
b = a if a else 2
c = (a and b) if not a else None
print(b, c)
