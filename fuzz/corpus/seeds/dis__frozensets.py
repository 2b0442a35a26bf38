def classify(ch):
    if ch in {"a", "e", "i", "o", "u"}:
        return "vowel"
    if ch in {"y", "w"}:
        return "semi"
    return "consonant"
answers = {"yes", "no", "maybe"}
print(classify("a"), classify("y"), classify("z"))
for n in (1, 5, 10, 100):
    print(n in {1, 2, 3, 5, 8, 13, 21, 34, 55, 89}, n not in {100, 200, -1, -2})
reply = "ok"
if reply.lower() in {"ok", "okay", "sure", "fine"}:
    print("accepted")
print(b"x" in {b"x", b"y", b"zz"})
