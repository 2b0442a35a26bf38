# Euclid's algorithm, iterative and recursive.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def gcd_rec(a, b):
    if b == 0:
        return a
    return gcd_rec(b, a % b)


def lcm(a, b):
    return a * b // gcd(a, b)


print(gcd(48, 18), gcd_rec(48, 18))
print(gcd(17, 5), lcm(4, 6))
print(lcm(2 ** 40, 3 ** 20))
