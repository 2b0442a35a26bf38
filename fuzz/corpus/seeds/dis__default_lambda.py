def apply(fn=lambda x: x * 2, *, post=lambda y: y + 1):
    return post(fn(3))
print(apply(), apply(lambda v: v))
counters = {}
def count(word, table=counters):
    table[word] = table.get(word, 0) + 1
    return table
print(count("a"), count("a"))
