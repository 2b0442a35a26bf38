# Lists: a sieve of Eratosthenes, then sorting with a key function.
def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    i = 2
    while i * i <= n:
        if is_prime[i]:
            for k in range(i * i, n + 1, i):
                is_prime[k] = False
        i += 1
    return [i for i in range(n + 1) if is_prime[i]]

primes = sieve(300000)
print(len(primes), primes[-1])
ordered = sorted(primes, key=lambda p: (p % 97, -p))
print(ordered[:5], ordered[-3:])
pairs = [(p % 10, p) for p in primes]
pairs.sort(key=lambda t: t[0])
print(pairs[0], pairs[-1])
