x = 1
if x is 1:
    print("one")
if x is not "a":
    print("not a")
y = [(1, 2) (3, 4)] if False else 0
assert (x, "msg")
z = [1, 2] [x] if False else 0
w = (1, 2)["a"] if False else 0
print("done")
