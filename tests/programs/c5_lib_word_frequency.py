from collections import Counter, defaultdict
import string

text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief"""

words = [w.strip(string.punctuation).lower() for w in text.split()]
counts = Counter(words)
for word, n in counts.most_common(5):
    print(f"{word:>10} {n}")

by_length = defaultdict(list)
for w in sorted(set(words)):
    by_length[len(w)].append(w)
for length in sorted(by_length):
    print(length, by_length[length])
print(string.ascii_lowercase[:5], string.digits, string.capwords("hello big world"))
