a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a is not c, a == c)
print(None is None, 2 in a, 3 not in a, "ell" in "hello", "z" not in "hello")
print(1 in {1: "a"}, "a" in {1: "a"}, 3 in range(5), 5 in (1, 2))
x = None
if x is None:
    print("none")
if x is not None:
    print("not none")
print(not (1 in a))
