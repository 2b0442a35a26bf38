s = "hello"
print(s[0], s[-1], s[1:3], s[:2], s[2:], s[::-1])
l = [1, 2, 3, 4, 5]
l[0] = 10
l[1:3] = [7, 8]
del l[0]
print(l, len(l), l[len(l) - 1])
d = {"a": 1}
d["b"] = 2
print(d["a"] + d["b"])
