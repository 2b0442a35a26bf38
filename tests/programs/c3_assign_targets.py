class Box:
    pass
b = Box()
b.x = 1
b.y = b.x + 1
print(b.x, b.y)
d = {}
d["k"] = 3
d[1, 2] = "tuple key"
print(d)
lst = list(range(8))
lst[2:5] = ["a", "b"]
print(lst)
lst[::2] = [0, 0, 0, 0]
print(lst)
lst[-1] = 99
print(lst)
