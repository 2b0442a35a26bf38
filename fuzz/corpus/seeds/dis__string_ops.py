s = "Hello, World"
print(s.lower(), s.upper(), s.split(", "), s.replace("l", "L"))
print(s[::-1], s[-5:], s.find("o"), s.count("l"), s.startswith("He"))
print(" ".join(reversed(s.split())), len(s), s * 2, "x" + s)
words = "the quick brown fox".split()
print(sorted(words, key=len), max(words, key=len), {w: len(w) for w in words})
print("%-5s|%5s|%r" % ("a", "b", "c"))
print("%d items" % 3, "%s" % "one", "%s%%" % 50)
