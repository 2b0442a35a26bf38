# Big ints with a machine-word operand, across the i64 boundary, with both signs.
B = 2 ** 63  # one past the largest i64
ints = [B, -B, B - 1, -B + 1, B + 1, -B - 1, 2 ** 64 - 1, -(2 ** 64), 10 ** 30 + 7, -(10 ** 30) - 7, 2 ** 200 - 3]
words = [1, -1, 2, -2, 3, -3, 7, -7, 1000003, -1000003, 2 ** 32 - 1, -(2 ** 32) + 1, 2 ** 32, -(2 ** 32), 2 ** 62, -(2 ** 63)]

for x in ints:
    for m in words:
        print(x * m, m * x, x % m, m % x, x // m, m // x, x + m, x - m, m - x)

# big * small that lands exactly on the i64 range
print(B * -1, (B * -1) == -9223372036854775808, type(B * -1).__name__)
print(-B * -1, -B * 1, (B // 2) * 2, (-B // 2) * 2, B * 0, -B * 0)
r = B
r *= -1
print(r, r + 1, r - 1)

# floor division and modulo signs for big operands
for x in [10 ** 25, -(10 ** 25), 10 ** 25 + 1, -(10 ** 25) - 1]:
    for y in [3, -3, 10 ** 20 + 1, -(10 ** 20) - 1, 7 ** 40, -(7 ** 40)]:
        q, m = x // y, x % y
        print(q, m, q * y + m == x, divmod(x, y) == (q, m))

# errors keep their texts
zero = 2 ** 64 - 2 ** 64
for x in [10 ** 30, -(10 ** 30)]:
    for y in [0, zero]:
        try:
            print(x // y)
        except ZeroDivisionError as e:
            print("//", type(e).__name__, e)
        try:
            print(x % y)
        except ZeroDivisionError as e:
            print("%", type(e).__name__, e)

# i64::MIN with -1, and round() of ints past i64
x = -2 ** 63
print(x % -1, x // -1, divmod(x, -1), x * -1, -1 * x)
for x in [-2**63, 2**63 - 1, 15, 25, -25, 10**30 + 5 * 10**9, -(10**30) - 5 * 10**9, 123456789 * 10**40 + 5]:
    print([round(x, n) for n in [-1, -2, -10, -19, -20, -21, -40, -41, -100, 0, 3]])
print(round(1e300), round(-1.5e200), round(2.5), round(1e19), round(-9.3e18), round(True, -1))

# a factorial and its digits, as bench/bigint.py does
f = 1
for k in range(2, 400):
    f *= k
print(f % 1000003, f % -1000003, (-f) % 1000003, (-f) % -1000003)
digits = str(f)
print(len(digits), sum(int(d) for d in digits), int(digits[:18]), int("-" + digits[:18]), int("+" + digits[:17]))
print(int("007"), int("-0"), int(" 12 "), int("1_000"), int(digits[:19]), int("-" + digits[:19]))
for bad in ["", "-", "+", "1 2", "--1", "_1", "1__0"]:
    try:
        int(bad)
    except ValueError as e:
        print(e)

# int <-> str near the 4300-digit limit, negative and positive
big = 10 ** 4299 + 12345
print(len(str(big)), len(str(-big)), str(-big)[:12], str(big)[-8:])
print(int(str(big)) == big, int(str(-big)) == -big)
over = 10 ** 4300
try:
    str(over)
except ValueError as e:
    print(e)
try:
    str(-over)
except ValueError as e:
    print(e)
try:
    int("9" * 4301)
except ValueError as e:
    print(e)
print(len(str(over - 1)), len(str(-(over - 1))))
