import math

points = [(0, 0), (3, 4), (6, 8), (-1, 7)]
for (x1, y1), (x2, y2) in zip(points, points[1:]):
    print(f"{math.hypot(x2 - x1, y2 - y1):.3f}", math.dist((x1, y1), (x2, y2)))
print(math.dist((1, 2, 3), (4, 6, 8)), math.dist([0.5], [2]))

print(math.degrees(math.atan2(1, 1)), round(math.radians(180), 10))
print(math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]))
print(math.ceil(-2.5), math.floor(-2.5), math.trunc(-2.5), math.fabs(-3))
print(math.isclose(0.1 + 0.2, 0.3), math.inf > 10 ** 100, math.isnan(math.nan))
print(math.log(1024, 2), math.log10(1000), math.exp(0), math.fsum([0.1] * 10))
print(math.lcm(4, 6), math.gcd(0, 5), math.copysign(3, -0.0))
print(math.sqrt(-1))
