import random

def roll(n):
    return [random.randint(1, 6) for _ in range(n)]

random.seed(123)
totals = {}
for _ in range(200):
    s = sum(roll(2))
    totals[s] = totals.get(s, 0) + 1
for k in sorted(totals):
    print(f"{k:2d} {'#' * (totals[k] // 2)}")
