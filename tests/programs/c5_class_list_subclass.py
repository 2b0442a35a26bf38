class Stack(list):
    def __init__(self, name, items=()):
        super().__init__(items)
        self.name = name

    def push(self, x):
        self.append(x)
        return self

    def peek(self):
        return self[-1]

    def __repr__(self):
        return f"Stack({self.name}, {list.__repr__(self)})"


s = Stack("s", [1, 2])
s.push(3).push(4)
print(s, len(s), s.peek(), s[1:3], s.pop(), s, list(s), 2 in s)
s += [7, 8]
print(s, type(s).__name__, s.name, sorted(s, reverse=True), sum(s))
s.sort(reverse=True)
s[0] = 100
del s[1]
print(s, s.index(100), s.count(7), isinstance(s, list), s == [100, 7, 3, 2, 1][:len(s)])
for i, x in enumerate(s):
    print(i, x, end="; ")
print()
print(s + [0], type(s + [0]).__name__, [x * 2 for x in s], reversed(s).__class__.__name__)


class Bounded(list):
    def append(self, x):
        if len(self) >= 2:
            raise OverflowError(f"{type(self).__name__} is full")
        super().append(x)


b = Bounded()
b.append("a")
b.append("b")
print(b, bool(b), bool(Bounded()))
b.append("c")
