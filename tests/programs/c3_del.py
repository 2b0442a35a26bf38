x = 1
del x
print("x" in globals())
l = [0, 1, 2, 3, 4, 5]
del l[0]
del l[1:3]
print(l)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
class C:
    pass
c = C()
c.v = 3
del c.v
print(hasattr(c, "v"))
a, b = 1, 2
del a, b
def f():
    y = 2
    del y
    return "ok"
print(f())
