pairs = [(1, 2), (3,)]
for x, y in pairs:
    print(x, y)
