a = [x for x in y]
b = [x * 2 for x in y if x if z]
c = {x for x in y}
d = {k: v for k, v in items}
e = (x for x in y)
f = [x for y in z for x in y]
g = [(a, b) for a in x for b in y if a != b]
h = {**a, 'b': 1}
i = {1, 2, 3}
j = {}
k = {'a': 1, 'b': 2,}
