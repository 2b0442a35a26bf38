# Collatz sequence lengths: while, if/else, // and %.
def collatz_steps(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


longest = 0
best = 0
for start in range(1, 30):
    s = collatz_steps(start)
    if s > longest:
        longest = s
        best = start
print(best, longest)
