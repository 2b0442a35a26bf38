# Methods of str and dict with positional and keyword arguments.
text = "The quick  brown fox\njumps over\tthe lazy dog"
print(text.split(), text.split(" "), text.split(maxsplit=2), text.split(sep="o", maxsplit=1))
print(text.lower().split(), text.upper()[:9], "  x ".strip(), "xxhixx".strip("x"), "a,b,,c".split(","))
print(" ".join(["a", "b"]), "-".join(x for x in "abc"), "".join([]))
d = {}
for w in text.lower().split():
    d[w] = d.get(w, 0) + 1
print(d, d.get("zzz"), d.get("zzz", "no"), d.get("the", default=5) if False else d.get("the"))
try:
    text.startswith()
except TypeError as e:
    print(e)
print(text.startswith("The"), text.startswith(("x", "T")), text.endswith("dog", 0, 50), "abc".startswith("b", 1))
print("k" in d, "the" in d, text.count("o"), text.replace("o", "0", 2), text.find("q"), text.partition(" "))
class Missing(dict):
    def __missing__(self, key):
        return key * 2
    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)
m = Missing()
m["a"] = 1
print(m["a"], m["bb"], m.get("bb"), m.get("a"), "bb" in m)
m["b"] = m.get("b", 0) + 1
print(m)
class Low(str):
    def lower(self):
        return "LOW"
    def split(self, sep=None, maxsplit=-1):
        return ["split", sep, maxsplit]
l = Low("Hello World")
print(l.lower(), l.split(), l.split(maxsplit=1), l.upper(), str.lower(l))
print(str.split("a b"), str.upper("abc"), dict.get({"x": 1}, "x"), dict.get({}, "x", 3))
