import math
print(math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.gcd(12, 18), math.lcm(4, 6))
print(math.factorial(20), math.isqrt(99), math.comb(5, 2), math.perm(5, 2), math.prod([1, 2, 3, 4]))
print(math.pi, math.e, math.inf, math.isclose(0.1 + 0.2, 0.3), math.fabs(-3), math.hypot(3, 4))
print(math.log(8, 2), math.log10(1000), math.log2(1024), math.fsum([0.1] * 10))
try:
    math.sqrt(-1)
except ValueError as e:
    print(e)
