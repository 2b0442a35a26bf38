# Small ints (-5..256) are cached; equal constants are one object
a = 256
b = 256
print(a is b, a == b)
c = 257
d = 257
print(c is d, "(one code object: the constant 257 is shared)")
e = 255 + 1
f = 256 + 1
print(e is a, f is c, "(folded at compile time)")
low = -5
minus_five = -5
print(low is minus_five + 0, low - 1 == -6)
for n in range(250, 257):
    print(n, n is int(str(n)), end="; ")
print()
big = 1000
def get_big():
    return 1000
print(get_big() is big, get_big() == big, "(constants are merged across functions)")
x = 7
y = x
x += 1
seven = 7
print(x, y, y is seven)
print(True is True, None is None, 1 == True, isinstance(True, int))
# Ints and floats computed at runtime outside the cache are new objects
print(int("257") is int("257"), int("256") is int("256"))
x = 1000
print((x + 0) is x, (x + 0) == x)
print(float("1.5") is float("1.5"), float("1.5") == float("1.5"))
a = 1000
b = a
print(a is b, id(a) == id(b), "(copies are one object)")
three_hundred = 300
print(sum([100, 200]) is three_hundred, sum([100, 200]) == three_hundred)
x = 2**100
y = x
print(x is y, [1000][0] is [1000][0], "(the constant 1000 is shared)")
z = 12345 + x - x
print(id(z) == id(z), id(z) == id(z + 0), z + 0 == z)
f = 2.5 * 2
g = f
print(f is g, id(f) == id(g), f * 1 is f)
nan = float("nan")
print(nan in [nan], float("nan") in [float("nan")])
d = {1000: "k", 2.5: "f"}
print(d[999 + 1], d[1.25 * 2], 999 + 1 in d, {2.5, 1.25 + 1.25})
