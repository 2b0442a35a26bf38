from collections import Counter
a = Counter(a=3, b=1, c=2)
print(dict(a), list(a), list(a.items()), 'a' in a, 'q' in a, isinstance(a, dict))
del a['a']
print(a, a['a'])
votes = Counter()
for v in ['x', 'y', 'x', 'z', 'x', 'y']:
    votes[v] += 1
winner, count = votes.most_common(1)[0]
print(winner, count, sorted(votes.values()))
