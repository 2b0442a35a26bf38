words = "the cat and the hat and the bat".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(freq)
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])))
print({k: v for k, v in freq.items() if v > 1}, dict(zip("abc", range(3))), dict(a=1, b=2))
d = {"x": {"y": [1, 2]}}
d["x"]["y"].append(3)
print(d, d["x"]["y"][-1], "x" in d, "y" in d, len(d), list(d), d.keys() == {"x"})
print(d.pop("z", "default"), d.setdefault("w", 0), d)
try:
    d[(1, 2)]
except KeyError as e:
    print("KeyError", e, repr(e))
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv, {1: "a"} == {1: "a"}, {1: 2} != {1: 3})
s = {1, 2, 3}
t = {3, 4}
print(s | t, s & t, s - t, s ^ t, s <= {1, 2, 3, 4}, frozenset([1, 2]), set(), {x % 4 for x in range(10)})
counts = dict.fromkeys("ab", 0) if hasattr(dict, "fromkeys") else {}
print(counts)
for k in sorted(freq):
    print(k, "->", freq[k], end="; ")
print()
del freq["the"]
print(freq, len(freq))
