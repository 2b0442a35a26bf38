# 100,000 tuples nested in each other: hashing them (as a dict key too) recurses as deep as
# they nest, which CPython does on its C stack and pvm on its own; repr and comparisons stop
# at CPython's C recursion limit. (The oracle, on a browser's stack, crashes on the hash.)
t = ()
t2 = ()
for _ in range(10**5):
    t = (t,)
    t2 = (t2,)
d = {t: 1}
print(d[t], hash(t) == hash(t), t in d)
for f in [lambda: repr(t), lambda: t == t2, lambda: t < t2]:
    try:
        f()
    except RecursionError as e:
        print('RecursionError:', e)
l = []
for _ in range(10**5):
    l = [l]
print(len(str([1, 2])))
print(repr(l))
