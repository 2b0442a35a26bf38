def roll():
    import random
    random.seed(11)
    return [random.randint(1, 6) for _ in range(5)]

def stats(xs):
    from collections import Counter
    from statistics_helper_missing import mean  # never reached
    return Counter(xs)

print(roll())
print(roll() == roll())
