# The time-travel benchmark: about 1,000,000 steps (333,000 instructions) of
# calls, list and dict updates and output, stepped back and jumped through.
def score(word, i):
    return len(word) * i % 13

words = ["alpha", "beta", "gamma", "delta"]
table = {}
history = []
for i in range(11000):
    w = words[i % 4]
    table[w] = table.get(w, 0) + score(w, i)
    if i % 10 == 0:
        history.append(i)
    if i % 2000 == 0:
        print(i, table[w])
print(len(history), sorted(table.items()))
