from itertools import groupby
for key, grp in groupby('AAAABBBCCDAABBB'):
    print(key, list(grp))
data = [('fruit', 'apple'), ('fruit', 'pear'), ('veg', 'kale'), ('fruit', 'fig')]
for kind, items in groupby(data, key=lambda p: p[0]):
    print(kind, [name for _, name in items])
words = sorted(['bob', 'al', 'cy', 'dave', 'eve'], key=len)
print([(k, list(g)) for k, g in groupby(words, len)])
groups = groupby([1, 1, 2, 3, 3])
first_key, first_group = next(groups)
second_key, second_group = next(groups)
print(first_key, list(first_group), second_key, list(second_group))
