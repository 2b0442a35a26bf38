from itertools import zip_longest, count, accumulate
import operator
names = ['ann', 'bob', 'cy']
scores = [90, 85]
for n, s in zip_longest(names, scores, fillvalue='n/a'):
    print(f'{n:>5}: {s}')
for i, name in zip(count(1), names):
    print(i, name)
print(list(accumulate(range(1, 6), operator.mul)))
