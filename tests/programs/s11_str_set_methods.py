# str.maketrans/translate, isascii, isidentifier, isprintable, istitle and
# format_map, and set's *_update methods: results, the order of a dict they
# build, and CPython's errors for each kind of bad argument.
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
