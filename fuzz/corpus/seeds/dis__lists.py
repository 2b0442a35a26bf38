a = []
b = [1]
c = [1, 2]
d = [1, 2, 3]
e = [1, "two", 3.0, None]
f = [a, b]
g = [[1, 2], [3, 4]]
h = [x for x in d]
d.append(4)
print(a, b, c, d, e, f, g, len(d), d[-1], d[1:3], d[::2])
