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
