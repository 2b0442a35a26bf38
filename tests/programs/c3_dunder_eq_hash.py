class K:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, K) and self.v == o.v
    def __hash__(self):
        return hash(self.v)
print(K(1) == K(1), K(1) != K(2), K(1) == 1)
print(len({K(1), K(1), K(2)}))
d = {K(3): "three"}
print(d[K(3)])
class NoHash:
    def __eq__(self, o):
        return True
print(NoHash.__hash__)
try:
    hash(NoHash())
except TypeError as e:
    print(e)
class Both:
    def __eq__(self, o):
        return True
    def __hash__(self):
        return 7
class Sub(Both):
    pass
print(hash(Both()), hash(Sub()), Sub.__hash__ is Both.__hash__)
class Plain:
    pass
print("__hash__" in NoHash.__dict__, NoHash.__dict__["__hash__"])
print(Plain.__hash__ is object.__hash__)
