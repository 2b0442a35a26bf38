# Primes by trial division: nested loops with break and a flag.
def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


count = 0
for n in range(50):
    if is_prime(n):
        print(n, end=" ")
        count += 1
print()
print(count, "primes below 50")
