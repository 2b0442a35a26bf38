from collections import Counter, defaultdict, deque
class Tally(Counter):
    def top(self):
        return self.most_common(1)[0]
t = Tally("abracadabra")
print(t.top(), t["a"], t["zz"], len(t), isinstance(t, Counter), isinstance(t, dict), sorted(t.elements())[:3])
class Tree(defaultdict):
    def __init__(self):
        super().__init__(Tree)
tr = Tree()
tr["a"]["b"] = 1
print(type(tr["a"]).__name__, tr["a"]["b"], len(tr), "a" in tr)
class History(deque):
    def last(self):
        return self[-1]
h = History([1, 2, 3], maxlen=3)
h.append(4)
print(h.last(), list(h), len(h), 2 in h, h.maxlen if hasattr(h, "maxlen") else None)
