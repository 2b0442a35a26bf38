x = 5
print(-x, not x, ~x, +x)
y = not x == 3
z = not (x is None)
w = not (x in [1, 2])
if not x:
    print("falsy")
if x is None:
    print("none")
if x is not None:
    print("not none")
