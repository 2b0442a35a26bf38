from collections import defaultdict, Counter
groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(groups, dict(groups), groups["z"], len(groups))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts, sorted(counts.items()))
c = Counter("mississippi")
print(c, c.most_common(2), c["z"], c["s"], isinstance(c, dict), sum(c.values()))
c.update("ssx")
print(c, Counter(), Counter([1, 1, 2]).most_common(), sorted(c.elements())[:5], c.total())
print(type(c).__name__, type(groups).__name__)
