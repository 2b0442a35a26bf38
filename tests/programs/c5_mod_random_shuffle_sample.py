import random
random.seed(2024)
deck = [r + s for s in 'SHDC' for r in 'A23456789TJQK']
random.shuffle(deck)
print(deck[:10])
print(random.sample(range(1000), 8))
print(random.sample(['red', 'green', 'blue', 'cyan'], 2))
print(random.sample(['x', 'y'], k=4, counts=[3, 2]))
