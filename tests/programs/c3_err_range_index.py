evens = range(0, 20, 2)
print(evens.index(6))
print(evens.index(7))
