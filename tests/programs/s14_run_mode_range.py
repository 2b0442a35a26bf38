# range(...) called in a function is answered inside run mode's loop when its
# arguments are ints: the same ranges, lengths, reprs and errors as the general
# path (bools, a zero step, wrong types and counts). Ranges are equal, and
# equal dict keys, when they hold the same numbers.

def ranges(n):
    out = []
    for i in range(n):
        for j in range(i + 1, n):
            out.append((i, j))
    print(out)
    print(list(range(5)), list(range(2, 5)), list(range(10, 0, -3)), list(range(-2)), list(range(3, 3)))
    r = range(1, 10, 2)
    print(r, len(r), r[2], r[-1], 7 in r, range(0, 6, 2) == range(0, 5, 2), range(3) is range(3))
    print(range(0) == range(4, 2), range(2, 3) == range(2, 9, 7), range(1, 5) == range(1, 5, 2), range(3) != range(3))
    print(range(True), range(False, True), len(range(-(2 ** 40), 2 ** 40, 2 ** 39)))
    table = {range(0, 6, 2): "evens", range(0): "empty", range(7, 8): "seven", (3, 0, 2): "tuple"}
    print(table[range(0, 5, 2)], table[range(9, 3)], table[range(7, 8, 5)], len(table), hash(range(0, 6, 2)) == hash(range(0, 5, 2)))
    for bad in [lambda: range(1, 2, 0), lambda: range(1.5), lambda: range(), lambda: range(1, 2, 3, 4), lambda: range("3")]:
        try:
            bad()
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)


def shadowed():
    range = lambda *a: a  # a local named range is not the builtin
    print(range(1, 2))


ranges(4)
shadowed()
