# Nested integer loops with arithmetic and comparisons.
def loops(n):
    total = 0
    for i in range(n):
        for j in range(n):
            if (i ^ j) & 1:
                total += i * j % 7
            else:
                total -= 1
    return total

print(loops(600))
