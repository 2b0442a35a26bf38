a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b)
print(a.union([9]), a.intersection(b), a.difference(b), a.issubset({1, 2, 3, 4, 5}), {1}.issuperset(set()))
a.add(10)
a.discard(1)
a.remove(2)
print(a, len(a), 3 in a, set(), set([2, 2, 1]))
f = frozenset([5, 6, 5])
print(f, f | {7}, frozenset() == set(), hash(f) == hash(frozenset({5, 6})))
print(sorted({x % 4 for x in range(20)}), {1, 2} < {1, 2, 3}, {1, 2} <= {1, 2})
s = {3, 1}
s.update([4]); print(s.pop(), s, s.isdisjoint({9}))
