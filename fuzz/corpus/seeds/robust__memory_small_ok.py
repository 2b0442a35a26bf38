a = [0] * 1000000
s = 'ab' * 500000
t = (1, 2) * 100000
print(len(a), len(s), len(t), [] * 10**12, '' * 10**12)
print(len([None] * 0), 'x' * -5)
