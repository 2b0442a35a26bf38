def find(xs, v):
    for x in xs:
        if x == v:
            return x
r = find([1, 2], 3)
r.bit_length()
