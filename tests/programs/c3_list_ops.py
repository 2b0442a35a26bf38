l = [3, 1, 4, 1, 5, 9, 2, 6]
l.sort()
print(l, l.count(1), l.index(4))
l.reverse()
print(l)
l.remove(1)
print(l, l.pop(0), l.pop(), l)
c = l.copy()
c.clear()
print(c, l, len(l), min(l), max(l), sum(l))
print([1, [2, 3]] == [1, [2, 3]], [1, 2] * 2, list("abc"), list(range(3)))
words = ["pear", "fig", "apple"]
print(sorted(words), sorted(words, key=len), sorted(words, key=len, reverse=True))
print(words + ["kiwi"], [] or ["default"])
nested = [[0] * 2 for _ in range(2)]
nested[0][0] = 1
print(nested, repr([1, "a", None, 2.5, (3,)]))
