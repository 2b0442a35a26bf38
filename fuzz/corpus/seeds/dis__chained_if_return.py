def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    return "large"
for v in (-1, 0, 5, 50):
    print(classify(v))
