l = list(range(9999999999990))
print(l[2:5], l[:3], l[7:], l[::3], l[1:8:2], l[-3:])
l[2:4] = ["a", "b"]
del l[0]
del l[1:3]
d = {"x": 1, "y": 2}
del d["x"]
v = 5
del v
class O: pass
o = O()
o.attr = 1
del o.attr
