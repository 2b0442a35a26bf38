from functools import total_ordering, cmp_to_key

@total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split('.'))
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return 'V' + '.'.join(map(str, self.parts))

a, b = Version('1.2.0'), Version('1.10')
print(a < b, a > b, a <= b, a >= b, a == b, b >= a)
print(sorted([Version('2.0'), Version('1.9.9'), Version('1.10')]))

def by_length_then_alpha(x, y):
    if len(x) != len(y):
        return len(x) - len(y)
    return -1 if x < y else (1 if x > y else 0)

print(sorted(['pear', 'fig', 'apple', 'kiwi', 'date'], key=cmp_to_key(by_length_then_alpha)))
