# str.maketrans/translate, isascii, isidentifier, isprintable, istitle and
# format_map, set's *_update methods, float.hex/fromhex and bytes'
# maketrans/translate/istitle: results, the order of a dict they build, and
# CPython's errors for each kind of bad argument.
from collections import defaultdict
t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()))
print("abcd-abcd".translate(t), "hello".translate({ord("l"): "LL", ord("o"): None}), "héllo".translate({233: 101}))
print(str.maketrans({"a": "1", 98: None, "c": 120}))
print("caesar".translate(str.maketrans("abcdefghijklmnopqrstuvwxyz", "defghijklmnopqrstuvwxyzabc")))
print("".maketrans("a", "b"), type(str.maketrans).__name__)
class Table(dict):
    def __missing__(self, key):
        return chr(key).upper()
print("abc".translate(Table({98: "_"})))
print("abc".translate(["A", "B", None] + [None] * 100))
for bad in [lambda: str.maketrans("ab", "c"), lambda: str.maketrans(1), lambda: str.maketrans({"ab": 1}), lambda: str.maketrans({1.5: 1}),
            lambda: str.maketrans(1, "a"), lambda: str.maketrans("a", 1), lambda: str.maketrans("a", "b", 2), lambda: str.maketrans(),
            lambda: "a".translate({97: 1.5}), lambda: "a".translate({97: 0x110000}), lambda: "a".translate({97: -1}), lambda: "a".translate(),
            lambda: "a".translate(5), lambda: "{} {x}".format_map({"x": 1}), lambda: "{0}".format_map({}), lambda: "{x}".format_map({}),
            lambda: "a".isascii(1), lambda: "x".format_map()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print("".isascii(), "abc\x7f".isascii(), "é".isascii())
print("abc".isidentifier(), "_x1".isidentifier(), "1x".isidentifier(), "".isidentifier(), "héllo".isidentifier(), "a-b".isidentifier(), "class".isidentifier())
print("".isprintable(), "abc def".isprintable(), "a\n".isprintable(), "\x7f".isprintable(), "é".isprintable(), "\u00a0".isprintable())
print("Hello World".istitle(), "Hello world".istitle(), "".istitle(), "123".istitle(), "Hello 123 World".istitle(), "HeLLo".istitle(), "ǅa".istitle(), "A1b".istitle())
d = defaultdict(lambda: "?", name="Ann")
print("{name} is {age}".format_map(d), "{n[0]}{n[1]}".format_map({"n": "ab"}), "{x.real}".format_map({"x": 3}))
class Default(dict):
    def __missing__(self, key):
        return "{" + key + "}"
print("{a} and {b}".format_map(Default(a=1)))
s = {1, 2, 3, 4}
print(s.difference_update({1}, [2]), s)
s.intersection_update([3, 4, 5], (4, 3))
print(s)
s.symmetric_difference_update([4, 6])
print(s, s.intersection_update(), s.difference_update())
for bad in [lambda: s.symmetric_difference_update(), lambda: s.difference_update(1), lambda: frozenset().difference_update(), lambda: s.symmetric_difference_update([1], [2])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(set.difference_update, type(str.maketrans).__name__, str.translate)


for x in [1.0, 0.1, -2.5, 5e-324, 1e308, 0.0, -0.0, float("inf"), float("-inf"), float("nan"), 3.0, 1/3]:
    h = x.hex()
    print(h, float.fromhex(h) == x or x != x)
for s in ["0x1.8p1", " -0X1P-2 ", "ff", ".8", "1.", "inf", "-Infinity", "nan", "0x1.00000000000008p0", "0x1.fffffffffffffp1023", "0x0.00000000000008000001p-1022", "1p-1080"]:
    print(repr(s), float.fromhex(s))
for bad in ["", "0x", "1p", "0xg", "1.2.3", "--1", "0x1p1024", "1p99999999999999999999", 5, None]:
    try:
        print(float.fromhex(bad))
    except Exception as e:
        print(type(e).__name__, e)
print((1.5).fromhex("0x1p0"), float.hex(2.0), type(float.fromhex).__name__)
try:
    float.hex(1)
except TypeError as e:
    print(e)


t = bytes.maketrans(b"abc", b"xyz")
print(len(t), t[97:100], type(t).__name__, bytearray.maketrans(b"a", b"b")[97])
print(b"abcd".translate(t), b"abcd".translate(t, b"d"), b"abcd".translate(None, b"ac"), bytearray(b"abc").translate(t), b"abc".translate(None, delete=b"b"))
print(b"Hello World".istitle(), b"hello".istitle(), b"".istitle(), b"A1b".istitle(), bytearray(b"Ab Cd").istitle())
for bad in [lambda: bytes.maketrans(b"ab", b"c"), lambda: bytes.maketrans("a", "b"), lambda: b"a".translate(b"x"), lambda: b"a".translate(5),
            lambda: b"a".translate(table=None), lambda: b"a".translate(None, 5), lambda: b"a".translate(), lambda: bytes.maketrans(b"a")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
