# Dicts and strings: count the words of a generated text.
words = ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "and", "runs", "away", "again"]
lines = []
for i in range(20000):
    a = words[i % 12]
    b = words[(i * 7) % 12]
    c = words[(i * 5 + 3) % 12]
    lines.append(a + " " + b.upper() + " " + c + " " + str(i % 50))
text = "\n".join(lines)

counts = {}
for line in text.split("\n"):
    for w in line.lower().split():
        counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(len(counts), top)
