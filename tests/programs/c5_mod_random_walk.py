from random import seed, choice, randint as ri
seed(5)
pos = 0
path = []
for step in range(30):
    pos += choice([-1, 1])
    path.append(pos)
print(path)
print(ri(1, 10**20))
