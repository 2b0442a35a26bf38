t = (1, 2, 3)
u = ()
v = (1,)
a = 1
w = (a, 2)
x, y, z = t
first, *rest = [1, 2, 3]
print(t, u, v, w, x, y, z, first, rest)
