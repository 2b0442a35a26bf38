import random
random.seed(1)
for f, args in [(random.choice, ([],)), (random.randrange, (0,)), (random.randint, (5, 1)), (random.sample, ([1, 2], 3))]:
    try:
        f(*args)
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
print(random.triangular(0, 10, 3), random.gauss(10, 2) > -100)
