s = " Hello World "
print(s.strip().lower().split())
words = []
words.append("a")
words.extend(["b", "c"])
words.insert(0, "z")
print(words, words.index("b"), words.pop(), words)
print("-".join(words).upper().replace("Z", "z"))
print("x={x}, y={y}".format(x=1, y=2))
print(sorted([3, 1, 2], reverse=True))
print(int("ff", base=16), int("11", 2))
print(dict(a=1, b=2), "abc".center(9, "*"))
