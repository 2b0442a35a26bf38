class Count:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Count(3)))
for x in Count(2):
    print(x)
it = iter(Count(2))
print(next(it), next(it), next(it, "end"))
class Gen:
    def __iter__(self):
        yield from "xy"
print(list(Gen()), sorted(Gen()))
