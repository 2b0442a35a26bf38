import random
random.seed(31337)
inside = 0
N = 2000
for _ in range(N):
    x, y = random.random(), random.random()
    if x * x + y * y <= 1.0:
        inside += 1
print(inside, 4 * inside / N)
