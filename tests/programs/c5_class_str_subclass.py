class Name(str):
    def shout(self):
        return self.upper() + "!"

    def __add__(self, other):
        return Name(super().__add__(" " + other))


n = Name("ada")
print(n, repr(n), n.shout(), n + "lovelace", type(n + "x").__name__)
print(len(n), n[0], n[1:], "d" in n, list(n), n == "ada", n.title(), n.split("d"))
d = {n: 1}
print(d["ada"], "ada" in d, hash(n) == hash("ada"), sorted([Name("b"), "a", Name("c")]))
print(f"<{n:^7}>", "%s!" % n, str(n), "-".join([n, n]), n * 2, isinstance(n, str))


class Tag(str):
    def __new__(cls, name, attrs=""):
        obj = super().__new__(cls, f"<{name}{attrs}>")
        obj.name = name
        return obj

    def __repr__(self):
        return f"Tag({self.name!r})"


t = Tag("b", " x=1")
print(t, [t], t.name, t.startswith("<b"), t.count("b"), str.upper(t))


class Upper(str):
    def __str__(self):
        return self.upper()


u = Upper("quiet")
print(u, f"{u}", str(u), repr(u), u + "!")
