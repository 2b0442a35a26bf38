import random

random.seed(2024)
rolls = [random.randint(1, 6) + random.randint(1, 6) for _ in range(1000)]
hist = {total: rolls.count(total) for total in range(2, 13)}
for total, n in hist.items():
    print(f"{total:2} {'#' * (n // 10)}")

deck = [r + s for s in "SHDC" for r in "A23456789TJQK"]
random.shuffle(deck)
print(deck[:5])
print(random.choice(deck), random.sample(range(100), 5))
print(round(random.uniform(1.5, 2.5), 6), random.randrange(0, 100, 7))
print(random.choices(["a", "b", "c"], weights=[5, 1, 1], k=8))
r = random.Random(99)
print(r.random() < 1, r.randint(10, 20))
