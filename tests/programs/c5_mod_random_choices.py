import random
random.seed(7)
print(random.choices(['a', 'b', 'c'], k=10))
print(random.choices(['win', 'lose'], weights=[1, 9], k=10))
print(random.choices(range(5), cum_weights=[1, 2, 3, 10, 20], k=6))
