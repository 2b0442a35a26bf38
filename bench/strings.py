# String building: concatenation, join, f-strings, slicing and methods.
parts = []
for i in range(60000):
    parts.append(f"{i}:{i * i % 1000}")
joined = ",".join(parts)
print(len(joined), joined[:40])

s = ""
for i in range(20000):
    s += chr(97 + i % 26)
print(len(s), s[-10:], s.count("abc"))

out = []
for chunk in joined.split(","):
    key, _, value = chunk.partition(":")
    if value.startswith("1"):
        out.append(key.rjust(6, "0"))
print(len(out), out[:3])
