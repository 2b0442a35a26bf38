# Instance attributes: insertion order, deletion and re-adding, dynamic
# names, many names, and instances of one class with different attributes.
class P:
    kind = "class attr"

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return abs(self.x) + abs(self.y)


a, b = P(1, 2), P(3, -4)
print(vars(a), b.__dict__, a.norm(), b.norm())

# Deleting and re-adding moves a name to the end, like a dict.
del a.x
print(vars(a), hasattr(a, "x"), a.kind)
a.x = 10
print(vars(a), a.norm())
a.z = 5
del a.y
a.y = 7
print(list(vars(a)), a.x, a.y, a.z)

# Names added in another order on another instance.
c = P.__new__(P)
c.y = 1
c.w = 2
c.x = 3
print(vars(c), c.norm())
d = P(0, 0)
d.w = 1
d.z = 2
print(vars(d))

# An instance attribute shadows a method and a class attribute; deleting it uncovers them.
for obj in (a, b, c):
    print(obj.kind, obj.norm())
b.norm = lambda: "instance function"
b.kind = "instance attr"
print(b.norm(), b.kind, list(vars(b)))
del b.norm, b.kind
print(b.norm(), b.kind, list(vars(b)))

# Missing attributes, before and after a deletion.
try:
    print(d.q)
except AttributeError as e:
    print("AttributeError:", e)
del d.w
try:
    d.w
except AttributeError as e:
    print("AttributeError:", e)
try:
    del d.w
except AttributeError as e:
    print("AttributeError:", e)

# Dynamic names: setattr/getattr/delattr with computed names, past the shared limit.
e = P(1, 1)
for i in range(40):
    setattr(e, "a%d" % i, i * i)
print(len(vars(e)), e.a0, e.a39, getattr(e, "a17"), list(vars(e))[:5], list(vars(e))[-3:])
for i in range(0, 40, 3):
    delattr(e, "a%d" % i)
print(len(vars(e)), sorted(vars(e))[:6], e.norm())
f = P(2, 2)
f.a1 = "after many"
f.extra = 1
print(vars(f))

# __dict__ writes show through attributes, and attribute writes through __dict__.
g = P(1, 2)
dd = g.__dict__
dd["x"] = 100
g.y = 200
dd[5] = "int key"
print(g.x, g.y, vars(g), g.norm())
del g.x
print(dd)

# Reading a loop of attributes on many instances with changing layouts.
items = [P(i, -i) for i in range(30)]
for i, it in enumerate(items):
    if i % 3 == 0:
        del it.x
        it.x = i * 10
    if i % 5 == 0:
        it.tag = i
total = 0
for _ in range(3):
    for it in items:
        total += it.x + it.y + getattr(it, "tag", 0)
print(total, [list(vars(it)) for it in items[:6]])

# A subclass shares nothing wrongly with its base.
class Q(P):
    def __init__(self, x):
        self.q = x
        super().__init__(x, x + 1)

q = Q(4)
print(vars(q), q.norm(), vars(P(7, 8)))

# Class attributes changed after instances cached them.
P.kind = "changed"
print(a.kind, q.kind)
P.norm = lambda self: "patched"
print(a.norm(), q.norm())
