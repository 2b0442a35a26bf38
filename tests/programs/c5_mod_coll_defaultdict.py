from collections import defaultdict
groups = defaultdict(list)
for word in ['apple', 'avocado', 'banana', 'blueberry', 'cherry']:
    groups[word[0]].append(word)
print(groups)
print(dict(groups), groups['z'], len(groups))
counts = defaultdict(int)
for ch in 'mississippi':
    counts[ch] += 1
print(sorted(counts.items()))
d = defaultdict(None)
try:
    d['x']
except KeyError as e:
    print('KeyError', e)
nested = defaultdict(lambda: defaultdict(int))
nested['a']['b'] += 2
print(nested['a']['b'], 'a' in nested, 'c' in nested)
