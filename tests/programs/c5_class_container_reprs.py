from collections import Counter, defaultdict, deque
class S(set): pass
class F(frozenset): pass
class C(Counter): pass
class D(defaultdict): pass
class Q(deque): pass
class L(list): pass
class T(tuple): pass
print(S([1]), S(), F([2]), F(), C("aab"), C(), D(int, a=1), D(None), Q([1], maxlen=2), Q(), L([1]), T((1,)))
print([S([3])], repr(C("x")), str(Q([5])))
