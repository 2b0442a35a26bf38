while x < 10:
    x += 1
    if x == 5:
        break
    else:
        continue
else:
    print("done")
for i in range(10):
    print(i)
for a, b in pairs:
    pass
else:
    pass
for (a, b) in c: pass
for x, in y: pass
