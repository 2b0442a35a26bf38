# range objects: len, indexing and printing.
print(range(5))
print(range(2, 10))
print(range(10, 0, -2))
print(len(range(5)), len(range(2, 10)), len(range(10, 0, -2)), len(range(0)))
r = range(3, 30, 3)
print(r[0], r[-1], len(r))
print(len("hello"), len([1, 2, 3]))
