from collections import defaultdict, Counter

def group_anagrams(words):
    groups = defaultdict(list)
    for w in words:
        groups[''.join(sorted(w))].append(w)
    return list(groups.values())

print(group_anagrams(['eat', 'tea', 'tan', 'ate', 'nat', 'bat']))
print(Counter('listen') == Counter('silent'), Counter('abc') == Counter('abd'))
