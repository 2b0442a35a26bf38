import random as rnd, heapq
import os.path
import os.path as osp
import collections.abc
from collections import Counter as C, deque
from itertools import *
from string import ascii_lowercase as letters
print(rnd.__name__, heapq.__name__, osp.join('a', 'b'), os.path.basename('/x/y.py'))
print(C('aab'), deque([1]), letters[:3])
print(list(islice(count(), 3)), list(permutations('ab')))
print(isinstance([], collections.abc.Sequence) in (True, False))
import random
print(random is rnd)
import functools, operator
print(functools.reduce(operator.mul, range(1, 6)))
