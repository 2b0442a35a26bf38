# Indexing past the end of a list.
items = [1, 2, 3]
print(items[-3])


def get(i):
    return items[i]


print(get(2))
print(get(3))
