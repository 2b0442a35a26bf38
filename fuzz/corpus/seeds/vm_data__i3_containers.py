d = {"a": 1, "b": 2}
d["c"] = 3
del d["a"]
print(d, len(d), "b" in d, d.get("z", 0), list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
for k, v in d.items():
    print(k, v)
d.update({"x": 9}, y=10)
print(d.pop("x"), d.setdefault("q", []), d)
t = (1, 2, 3)
a, b, c = t
first, *rest = [1, 2, 3, 4]
print(a, b, c, first, rest, t[1:], t.index(2), t.count(1), (1,), ())
s = {3, 1, 2}
s.add(4)
s.discard(1)
print(sorted(s), 2 in s, s & {2, 3, 9}, s | {0}, s - {2}, len(s))
words = "the quick brown fox".split()
print(words, "-".join(words), "  pad  ".strip(), "abc".upper(), "Hello".lower(), "a,b,,c".split(","))
print("hello world".title(), "x".center(5, "*"), "42".zfill(5), "abc".replace("b", "B"), "banana".count("a"))
print("hello".find("l"), "hello".startswith("he"), "hello"[1:4], "hello"[::-1], "é" * 3, len("héllo"))
print(f"{3.14159:.2f} {42:5d} {'hi':>5} {'hi':<5}| {1234567:,} {0.5:%} {255:x} {255:#b}")
print("{} and {}".format("a", "b"), "{0}{1}{0}".format("x", "y"), "{name}!".format(name="N"))
nested = [[1, 2], [3, [4, 5]]]
print(nested, nested[1][1][0], [x for row in [[1, 2], [3]] for x in row])
lst = [5, 2, 8, 1]
lst.sort()
lst.append(10)
lst.insert(0, -1)
print(lst, lst.pop(), lst.pop(0), lst, lst.index(8), sorted(lst, reverse=True), lst * 2)
m = [[0] * 3 for _ in range(2)]
m[0][1] = 7
print(m, list(range(2, 10, 3)), range(5), list(range(5, 0, -2)))
print(str(None), str(True), repr("it's"), repr('say "hi"'), 10 ** 20, -7 // 2, divmod(-7, 2), hex(255), bin(5), ord("A"), chr(66))
print(max("abc"), min(3, 1, 2), any([0, 1]), all([]), abs(-2.5), round(-0.5), 2 ** 0.5, int(" 12 "), float("1e3"))
print(isinstance(True, int), type(1.0), type("s"), type([]) is list, bool([]), bool("x"))
