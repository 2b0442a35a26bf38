from math import sqrt as root, pi as PI, floor
from collections import Counter as Tally, deque as Queue
from functools import reduce as fold
from operator import add as plus, mul

print(root(16), round(PI, 5), floor(2.7))
t = Tally("mississippi")
print(t.most_common(2))
q = Queue([1, 2, 3])
q.appendleft(0)
print(list(q))
print(fold(plus, range(5)), fold(mul, range(1, 6)))
