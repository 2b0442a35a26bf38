import random
random.seed(42); print(random.random(), random.random())
random.seed(42); print(random.randint(1,10), random.choice('abcdef'), random.randrange(100), random.uniform(1,2))
l=list(range(10)); random.shuffle(l); print(l, random.sample(range(100), 5), random.getrandbits(70))
random.seed(-7); print(random.random()); random.seed(2**40+5); print(random.random())
print(random.choices("abc", k=4), random.randrange(0, 100, 7))
