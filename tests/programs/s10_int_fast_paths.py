# Big int times a word (one pass over the digits), int() of one argument and
# iteration over a str's ASCII characters: results, identity and errors as
# CPython gives them.

def factorial(n):
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result

f = factorial(60)
g = f            # a second reference: `g *= 7` must not change f
g *= 7
print(f, g, g // f)
print(f * 0, 0 * f, f * 1 is f, f * -1, -f * -3, (-f) * 3)
print(f * 4294967295, f * -4294967295, f * 4294967296, f * -4294967296)
print(f * 2, f * 1024, f * (1 << 31), 3 * f)
x = 2 ** 64 - 1
print(x * 4294967295, (x * 4294967295).bit_length(), x * 2 ** 31)
print(-(2 ** 64) * 4294967295, (2 ** 200) * 12345 // 2 ** 200)
print(f * True, True * f, f * False, type(f * True).__name__)
n = 2 ** 63
print(n * 1, n * -1, (n * -1) * -1, n * 2)
p = 1
for k in range(1, 30):
    p *= -k
print(p, p % 1000003)

# int() of one argument
print(int("7"), int("-12"), int("+0"), int("007"), int(" 42 "), int("1_000"))
print(int("123456789012345678901234567890"), int(True), int(3.9), int(-3.9))
big = 10 ** 30
five = 5
print(int(big) is big, int(five) is five, int(f) is f)
for bad in ["", "x", "1.5", "_1", "1__0"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in [None, [1], 1j]:
    try:
        int(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    int("5", None)
except TypeError as e:
    print("TypeError:", e)
print(int(b"12"), int(bytearray(b" 7 ")), int("ff", 16), int("0x1f", 0))

class MyInt(int):
    pass

m = MyInt(9)
print(int(m), type(int(m)).__name__, int(m) is m)

# iteration over a str's characters
digits = str(factorial(25))
print(sum(int(d) for d in digits), [d for d in "a1 é€z"], list("") == [])
s = "ab" + "c"
it = iter(s)
a = next(it)
print(a, a is chr(97), next(it) is chr(98), list(it), list(it))
w = "xé€y"
print([c for c in w], [c is chr(120) for c in w], [c is chr(233) for c in w], len([c for c in "€" * 3]))
