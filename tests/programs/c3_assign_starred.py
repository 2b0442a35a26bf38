first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
a, *mid, z = "hello"
print(a, mid, z)
*all_, = (7, 8)
print(all_)
