def mean(xs):
    assert len(xs) > 0, "empty list"
    return sum(xs) / len(xs)
print(mean([1, 2]))
print(mean([]))
