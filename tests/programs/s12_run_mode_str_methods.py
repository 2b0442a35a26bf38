# Run mode answers these builtin calls inside its loop (session 7): str.partition,
# startswith/endswith of one str, lower/upper of an ASCII str, split() and
# split(c) by one ASCII char, and str(i) of an int. Everything else (other
# arguments, non-ASCII text, subclasses, errors) takes the general path: the
# results, identities and errors must be CPython's either way.

def partition_cases():
    s = "key:value:more"
    h, sep, t = s.partition(":")
    print(h, sep, t)
    colon = ":"
    parts = s.partition(colon)
    print(parts[1] is colon, s.partition("zz")[0] is s, s.partition("zz")[1] is s.partition("zz")[2])
    print("a:b".partition(":")[0] is "a:b".partition(":")[0], "ab".partition("b"), "ab".partition("a"))
    print("é:ü".partition(":"), "ab::cd".partition("::"), "x".partition("x"), "".partition(":"))
    long = "w" * 40 + ":" + "v" * 40
    a, _, b = long.partition(":")
    print(len(a), len(b), a == "w" * 40)
    for bad in ("", 5, None, b":"):
        try:
            print(s.partition(bad))
        except (TypeError, ValueError) as exc:
            print(type(exc).__name__, exc)
    class S(str):
        pass
    r = s.partition(S(":"))
    print(r, type(r[1]).__name__)
    try:
        print(s.partition())
    except TypeError as exc:
        print("TypeError:", exc)

def affix_cases():
    s = "value"
    print(s.startswith("va"), s.startswith("x"), s.startswith(""), s.endswith("ue"), s.endswith("lue!"))
    print("".startswith(""), "é".startswith("é"), "é".endswith(""), s.startswith(("x", "v")), s.endswith(("e",)))
    print(s.startswith("a", 1), s.endswith("v", 0, 1))
    for bad in (5, None, ["v"]):
        try:
            s.startswith(bad)
        except TypeError as exc:
            print("TypeError:", exc)
        try:
            s.endswith(bad)
        except TypeError as exc:
            print("TypeError:", exc)

def case_cases():
    for t in ("MiXeD 12!", "", "a", "Z", "ÉtÉ", "straße", "x" * 30, "ǅ"):
        print(repr(t.lower()), repr(t.upper()))
    a = "a"
    A, ab, empty = "A", "ab", ""
    print(a.lower() is a, A.lower() is a, ab.lower() is ab, empty.upper() is empty)
    e, E, y = "é", "É", "ÿ"
    print(e.upper() is E, E.lower() is e, y.lower() is y, "AB".lower().upper() == "AB")
    try:
        "x".lower(1)
    except TypeError as exc:
        print("TypeError:", exc)

def split_cases():
    for t in ("a b  c", "  lead and trail  ", "", "   ", "tab\tnew\nline\x1cfs\x1fus", "one", "é è  ê"):
        print(t.split())
    for t in ("a,b,,c", ",", "", "no commas", "é,ü", ",x,"):
        print(t.split(","), t.split(",", 1), t.split(sep=","))
    print("a--b--c".split("--"), "a b c".split(None), "a b c".split(None, 1), "a b".split(maxsplit=0))
    words = "x y x".split()
    x = "x"
    print(words[0] is words[2], words[0] is x)
    for bad in ("", 5):
        try:
            "a b".split(bad)
        except (TypeError, ValueError) as exc:
            print(type(exc).__name__, exc)
    class S(str):
        pass
    print("a.b".split(S(".")), S("a b").split(), type(S("a b").split()[0]).__name__)

def str_call_cases():
    print(str(5), str(-12), str(0), str(2 ** 64), str(True), str(1.5), str("s"), str(None))
    seven = "7"
    print(str(5) is str(5), str(5) == "5", str(7) is seven)
    t = "text"
    print(str(t) is t)
    def shadowed():
        str = lambda x: "shadowed " + repr(x)
        print(str(3))
    shadowed()
    class S(str):
        pass
    print(repr(S(5)), type(S(5)).__name__)

def generator_args():
    g = (c for c in "ab")
    try:
        "x".startswith(g)
    except TypeError as exc:
        print("TypeError:", exc)
    print(",".join(x for x in "abc"))

def in_loops():
    counts = {}
    for line in ("The quick brown", "fox jumps OVER", "the lazy dog", "THE end"):
        for w in line.lower().split():
            counts[w] = counts.get(w, 0) + 1
    print(counts)
    out = []
    for chunk in "1:one,2:two,10:ten,11:eleven".split(","):
        key, _, value = chunk.partition(":")
        if key.startswith("1"):
            out.append(key.upper() + value.upper() + str(len(value)))
    print(out)

partition_cases()
affix_cases()
case_cases()
split_cases()
str_call_cases()
generator_args()
in_loops()
# The same at module level (run mode's loop runs module code too).
print("k:v".partition(":"), "ab".startswith("a"), "AB".lower(), "a b".split(), "a,b".split(","), str(42))

# Slices of ASCII strs (read as bytes) and chr() of an int.
def slice_and_chr():
    s = "abcdefghij" * 3
    print(s[:5], s[-4:], s[::3], s[::-7], s[5:2], s[-100:3], s[2:28:5], s[:] is s, s[0:30] is s)
    t = "é" + s
    print(t[:4], t[::-9], t[-3:])
    d = "abcd"[3]
    print(s[3:4] is s[3:4], s[3:4] is d, len(s[1:-1]))
    print(chr(97), chr(97) is chr(97), chr(0x20ac), chr(255) is chr(255), chr(256) is chr(256), chr(True))
    for bad in (-1, 0x110000, 2 ** 31, -2 ** 31 - 1, 2 ** 70, 1.5, "a"):
        try:
            chr(bad)
        except (TypeError, ValueError, OverflowError) as exc:
            print(type(exc).__name__, exc)

slice_and_chr()
