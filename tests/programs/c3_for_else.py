for x in [1, 2, 3]:
    if x == 5:
        break
else:
    print("no 5")
for ch in "abc":
    if ch == "b":
        print("found b")
        break
else:
    print("never")
for k in {"one": 1, "two": 2}:
    print(k)
for v in (i * i for i in range(4)):
    print(v, end=",")
print()
for t in zip("ab", range(2)):
    print(t)
for n in range(3, 0, -1):
    print(n)
