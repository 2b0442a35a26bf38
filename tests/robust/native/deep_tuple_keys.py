# 100,000 tuples nested in each other: hashing them (as a dict key too) recurses as deep as
# they nest, which CPython does on its C stack and pvm on its own; repr stops at CPython's
# C recursion limit. (The oracle, on a browser's stack, crashes on the hash.)
t = ()
for _ in range(10**5):
    t = (t,)
d = {t: 1}
print(d[t], hash(t) == hash(t), t in d)
try:
    repr(t)
except RecursionError as e:
    print('RecursionError:', e)
l = []
for _ in range(10**5):
    l = [l]
print(len(str([1, 2])))
print(repr(l))
