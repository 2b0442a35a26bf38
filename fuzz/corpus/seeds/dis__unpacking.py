a, b, c = [1, 2, 3]
(x, y), z = (1, 2), 3
first, *middle, last = range(6)
*init, tail = "abc"
for i, (k, v) in enumerate({"a": 1}.items()):
    print(i, k, v)
p = [*[1, 2], *(3,)]
q = {**{"a": 1}, "b": 2}
print(a, b, c, x, y, z, first, middle, last, init, tail, p, q)
