s = {1, 2, 3}
t = set()
u = {1}
print(2 in s, 5 in {1, 2, 3}, len(s | u))
for x in {3, 1, 2}:
    print(x)
