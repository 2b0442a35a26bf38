d = {}
e = {"a": 1, "b": 2}
k = "key"
f = {k: 1, "x": 2}
g = {1: "one"}
h = {**e, "c": 3}
print(d, e, f, g, h, e.get("a"), list(e.keys()))
for key in e:
    print(key, e[key])
