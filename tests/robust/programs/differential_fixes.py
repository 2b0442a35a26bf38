# Mismatches scripts/fuzz-differential.py found (now fixed), one per block.
def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)

show(lambda: 'ab'['x'])
show(lambda: 'ab'[1.5])
show(lambda: [1][{}])
show(lambda: 1.5 & 1)
show(lambda: True ^ 2.0)
show(lambda: 2.0 >> 1)
show(lambda: 1 << 2.0)

def unpack_star():
    a, *b = 5
show(unpack_star)

def extend_int():
    x = [1]
    x += 5
show(extend_int)

def cell_before_assignment():
    def inner():
        return v
    print(v)
    v = 1
show(cell_before_assignment)

a = [1]
print((a) ** 2)
