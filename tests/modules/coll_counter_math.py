from collections import Counter
a = Counter(a=3, b=1, c=2)
b = Counter(a=1, b=2, d=4)
print(a + b)
print(a - b)
print(a | b)
print(a & b)
print(dict(a), list(a), list(a.items()), 'a' in a, 'q' in a)
del a['a']
print(a)
