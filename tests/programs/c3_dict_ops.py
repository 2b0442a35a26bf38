d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), list(d), d.keys(), d.values(), d.items())
print(d.get("a"), d.get("z"), d.get("z", 0), "a" in d, d.pop("b"), d)
d.setdefault("e", 5)
d.update({"a": 10}, f=6)
print(d, d.popitem(), d)
print(dict(zip("xy", [1, 2])), dict([("k", "v")]), dict.fromkeys("ab", 0))
for k, v in d.items():
    print(k, v)
ks = d.keys()
d["new"] = 1
print(ks, list(reversed(d)), d == {"a": 10, "c": 3, "e": 5, "new": 1})
print({1: "a"} | {2: "b"}, sorted({3: 1, 1: 2}))
c = d.copy(); c.clear(); print(c, d)
