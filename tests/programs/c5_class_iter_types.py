print(reversed, enumerate, zip, map, filter, range, type, object, super, property)
print(isinstance(map(str, [1]), map), isinstance(filter(None, []), filter), isinstance(zip(), zip))
print(isinstance(enumerate([]), enumerate), isinstance(reversed("ab"), reversed), isinstance(reversed([1]), reversed))
print(type(reversed("ab")), type(reversed([1])), type(iter([])), type(iter(())), type(iter("")))
r = reversed(range(0))
print(type(r).__name__, list(reversed("abc")), list(reversed([1, 2, 3])))
print(issubclass(map, object), map.__name__, type(map), callable(reversed), reversed.__name__)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __reversed__(self):
        return iter(range(1, self.n + 1))

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return self.n - i


c = Countdown(3)
print(list(c), list(reversed(c)), len(c))
print(reversed(5))
