# Run mode answers these str operations inside its loop (str + str, f-string
# pieces, BUILD_STRING, UNPACK_SEQUENCE, str.partition): the same results,
# identities and errors as the general path, in and out of functions.

def concat_cases():
    t = "abc" * 2
    e = ""
    print((e + t) is t, (t + e) is t, e + e == "", (e + e) is e)
    s = e
    s += t
    print(s is t, s)
    u = t
    u += e
    print(u is t)
    w = "é" * 3 + "x"
    print(w, len(w), ("a" + "b") == "ab")
    # A buffer shared by two strs: appending to one leaves the other as it was.
    a = "x" * 30
    b = a + "1"
    c = a + "2"
    d = b + "3"
    print(b[-2:], c[-2:], d[-3:], len(a), len(b), len(c), len(d))
    acc = ""
    for i in range(60):
        acc += chr(65 + i % 26)
    print(len(acc), acc[:5], acc[-5:])
    for bad in (1, None, 2.5, [1], b"x"):
        try:
            "s" + bad
        except TypeError as exc:
            print("TypeError:", exc)
    try:
        s = "s"
        s += 5
    except TypeError as exc:
        print("TypeError:", exc)
    class S(str):
        def __add__(self, other):
            return "S.__add__"
        def __radd__(self, other):
            return "S.__radd__"
    print(S("a") + "b", "a" + S("b"), type(S("a") + S("b")).__name__)
    class R:
        def __radd__(self, other):
            return f"R.__radd__({other!r})"
    print("a" + R())

def fstring_cases():
    big = 2 ** 70
    for v in (0, 7, -7, 10 ** 18, -(2 ** 63), 2 ** 63 - 1, big, -big, True, False, None, 1.5, -0.0, "txt", "", "é"):
        print(f"{v}|{v!r}|{v!s}|<{v}>")
    s = "same" * 3
    print(f"{s}" is s, f"{s}{''}" == s)
    x = 12
    print(f"{x}:{x * x % 1000}", f"{x:>5}", f"{x:x}", f"{'a'}{'b'}{'c'}{'d'}{'e'}{'f'}{'g'}{'h'}{'i'}")
    print(f"{'é'}{'ü'}", f"{'a' * 30}{x}", len(f"{'a' * 30}{x}"))
    class F:
        def __format__(self, spec):
            return "F(" + spec + ")"
        def __str__(self):
            return "str-F"
    print(f"{F()}", f"{F()!s}", f"{F():spec}")

def unpack_cases():
    a, b, c = "k:v".partition(":")
    print(a, b, c)
    p, q = [1, 2]
    r, t = (3, 4)
    print(p, q, r, t)
    for seq in ((1, 2, 3), [1], "ab", range(2), (x for x in (5, 6))):
        try:
            m, n = seq
            print("ok", m, n)
        except ValueError as exc:
            print("ValueError:", exc)
    try:
        m, n = 5
    except TypeError as exc:
        print("TypeError:", exc)

def partition_cases():
    t = "hello world" * 2
    sep = "wor" + "ld"
    print(t.partition("zz")[0] is t, t.rpartition("zz")[2] is t, t.partition(sep)[1] is sep)
    print("a:b:c".partition(":"), "a:b:c".rpartition(":"), ":".partition(":"), "".partition(":"))
    print("abc".partition("x"), "abc".rpartition("x"), "aXbXc".partition("Xb"))
    class Sep(str):
        pass
    r = "a:b".partition(Sep(":"))
    print(r, type(r[1]).__name__)
    for bad in ("", 1):
        try:
            "abc".partition(bad)
        except (ValueError, TypeError) as exc:
            print(type(exc).__name__ + ":", exc)

concat_cases()
fstring_cases()
unpack_cases()
partition_cases()

# At module level (names, not fast locals), as the benchmarks run.
parts = []
for i in range(120):
    parts.append(f"{i}:{i * i % 1000}")
joined = ",".join(parts)
out = []
for chunk in joined.split(","):
    key, _, value = chunk.partition(":")
    if value.startswith("1"):
        out.append(key.rjust(6, "0") + "/" + value)
print(len(joined), joined[-20:], len(out), out[:3], out[-1])
