a = [1, 2, 3]
b = a[-1] if a else None
c = a[1:] + a[:1]
d = not a or len(a) > 2
e = (1, 2) < (1, 3)
f = "x" in "xyz"
g = {1: 2}.get(3, 4)
h = [i for i in range(3)][::-1]
i = -(-3)
j = 2 ** -1
k = 7 // -2
l = -7 % 3
m = 1_000_000
n = 0x1F + 0o7 + 0b11
o = 1.5e3
p = "con" "cat"
print(b, c, d, e, f, g, h, i, j, k, l, m, n, o, p)
