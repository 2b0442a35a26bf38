x = 1
print(x is "abc"[True])
