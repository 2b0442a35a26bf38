from collections import Counter
c = Counter('abracadabra')
print(c)
print(c.most_common(2), c['a'], c['z'], len(c))
print(sorted(c.elements()))
c.update('aaz')
print(c, c.total())
words = "the cat and the hat and the bat".split()
wc = Counter(words)
for w, n in wc.most_common(3):
    print(w, n)
print(Counter(), Counter(a=2, b=1) == Counter(b=1, a=2))
