from collections import OrderedDict, Counter, defaultdict

od = OrderedDict()
od["b"] = 2
od["a"] = 1
od["c"] = 3
print(od, isinstance(od, dict), isinstance(od, OrderedDict), type(od).__name__)
od.move_to_end("b")
od.move_to_end("c", last=False)
print(list(od), list(od.items()), len(od), "a" in od, od.get("zz", 0))
print(od.popitem(), od.popitem(last=False), od)
a = OrderedDict(x=1, y=2)
b = OrderedDict(y=2, x=1)
print(a == b, a == {"y": 2, "x": 1}, dict(a) == dict(b), OrderedDict.fromkeys("pq", 0))
print(a | {"z": 3}, type(a | {}).__name__, a.copy(), type(a.copy()).__name__, OrderedDict())
print(isinstance(Counter("aab"), dict), isinstance(defaultdict(list), dict), issubclass(OrderedDict, dict))


class LRU(OrderedDict):
    def __init__(self, capacity):
        super().__init__()
        self.capacity = capacity

    def get(self, key):
        if key not in self:
            return -1
        self.move_to_end(key)
        return self[key]

    def put(self, key, value):
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.capacity:
            self.popitem(last=False)


cache = LRU(2)
cache.put(1, "one")
cache.put(2, "two")
print(cache.get(1), cache)
cache.put(3, "three")
print(cache, cache.get(2), len(cache))
OrderedDict().popitem()
