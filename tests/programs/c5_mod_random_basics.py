import random
random.seed(42)
print(random.random())
print(random.randint(1, 100), random.randrange(10), random.randrange(0, 100, 7), random.randrange(50, 0, -5))
print(random.choice('abcdef'), random.choice([10, 20, 30]))
print(random.uniform(1, 2), random.getrandbits(8), random.getrandbits(70))
