# Appending to strs: every alias keeps its own value, identity is per object.
s = ""
t = s
for i in range(40):
    s += chr(97 + i % 26)
    if i == 9:
        t = s
print(s, t, len(s), len(t))
u = t + "X"
v = t + "Y"
print(t, u, v)
w = u + "Z"
print(u, w, v + v, w is u, u is v)
a = "ab"
b = a
a += "c"
print(a, b, a is b)
c = a
a += "d"
print(a, c, a is c, c == "abc")
x = "é"
for i in range(5):
    x += "ü" + x
print(x, len(x))
parts = []
acc = "0"
for i in range(10):
    acc += str(i)
    parts.append(acc)
print(parts)
print({p: len(p) for p in parts[-3:]}, "0123" in parts, parts[3] == "0012")
k = "key"
k += "1"
d = {"key1": 1}
d[k] += 1
print(d, k in d, hash(k) == hash("key1"))
s2 = "ab" * 3
s2 += s2
print(s2, s2[::-1], s2.upper(), s2.find("ba"), list(s2[:4]))
e = ""
e += ""
empty, one = "", "a"
print(repr(e), e is empty, (empty + one) is one, (e + one) is one)
class S(str):
    def __add__(self, other):
        return "S+" + str.__add__(self, other)
    def __radd__(self, other):
        return "radd:" + other
q = S("q")
r = "r"
r += q
print(r, q + "z", type(q + "z").__name__)
m = q
m += "w"
print(m, q, type(m).__name__)
