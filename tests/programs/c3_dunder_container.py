class Bag:
    def __init__(self):
        self.items = {}
    def __len__(self):
        return len(self.items)
    def __getitem__(self, k):
        return self.items[k]
    def __setitem__(self, k, v):
        self.items[k] = v
    def __delitem__(self, k):
        del self.items[k]
    def __contains__(self, k):
        return k in self.items
    def __bool__(self):
        return bool(self.items)
b = Bag()
print(len(b), bool(b), "a" in b)
b["a"] = 1
b["b"] = 2
print(len(b), b["a"], "a" in b, "z" not in b)
del b["a"]
print(len(b), bool(b))
if b:
    print("truthy")
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq())
