# str methods' argument-count and keyword errors, worded by each method's calling convention.
def show(case):
    try:
        case()
        print("no error")
    except TypeError as e:
        print(e)

# METH_NOARGS: "str.lower() takes no arguments (1 given)"
for case in [
    lambda: "a".lower(1),
    lambda: "a".upper(1, 2),
    lambda: "a".isdigit(0),
    lambda: "a".title("x"),
    lambda: "a".casefold(None),
    lambda: "a".swapcase(1),
    lambda: "a".capitalize(1),
    lambda: "a".isspace(1),
    lambda: "a".lower(x=1),
]:
    show(case)
# METH_O: "str.join() takes exactly one argument (0 given)"
for case in [
    lambda: "a".join(),
    lambda: "a".join([], []),
    lambda: "a".zfill(),
    lambda: "a".partition(),
    lambda: "a".rpartition("a", "b"),
    lambda: "a".removeprefix(),
    lambda: "a".removesuffix(),
    lambda: "a".join(iterable=[]),
]:
    show(case)
# Argument Clinic, positional-only: "replace expected at least 2 arguments, got 0"
for case in [
    lambda: "a".replace(),
    lambda: "a".replace("a"),
    lambda: "a".replace("a", "b", 1, 2),
    lambda: "a".strip(" ", " "),
    lambda: "a".lstrip(1, 2, 3),
    lambda: "a".rstrip(None, None),
    lambda: "a".center(),
    lambda: "a".ljust(1, " ", 2),
    lambda: "a".rjust(),
    lambda: "a".strip(chars=" "),
    lambda: "a".replace("a", "b", count=1),
    lambda: "a".center(width=3),
]:
    show(case)
# PyArg_ParseTuple: "find() takes at least 1 argument (0 given)"
for case in [
    lambda: "a".find(),
    lambda: "a".rfind("a", 0, 1, 2),
    lambda: "a".index(),
    lambda: "a".rindex(),
    lambda: "a".count(),
    lambda: "a".count("a", 0, 1, 2),
    lambda: "a".startswith(),
    lambda: "a".endswith("a", 0, 1, 2),
    lambda: "a".find(sub="a"),
    lambda: "a".startswith(prefix="a"),
]:
    show(case)
# Argument Clinic with keywords: "split() takes at most 2 arguments (3 given)"
for case in [
    lambda: "a b".split(" ", 1, 2),
    lambda: "a b".split(sep=" ", x=1),
    lambda: "a b".split(" ", sep=" "),
    lambda: "a b".rsplit(None, 1, maxsplit=1),
    lambda: "a b".rsplit(max=1),
    lambda: "a".splitlines(True, False),
    lambda: "a".splitlines(keep=True),
    lambda: "a".splitlines(True, keepends=True),
    lambda: "a".expandtabs(4, 4),
    lambda: "a".expandtabs(size=4),
    lambda: "a".encode("utf-8", "strict", 1),
    lambda: "a".encode(encodin="utf-8"),
    lambda: "a".encode("ascii", encoding="ascii"),
    lambda: "a".encode(encoding="utf-8", errors="strict", x=1),
]:
    show(case)
# the methods still work with keywords they accept
for case in [
    lambda: print("a,b,c".split(sep=",", maxsplit=1), "a b".rsplit(maxsplit=1)),
    lambda: print("x\ny\r\nz\rw\x0bv\x1cu\u2028t".splitlines(), "x\ny\r\n".splitlines(keepends=True), "a\n".splitlines(True)),
    lambda: print("a\tb".expandtabs(tabsize=4), "é".encode(encoding="utf-8", errors="strict")),
]:
    show(case)
# a bound method names its receiver type
for case in [
    lambda: (lambda f: f())("a".lower),
    lambda: (lambda f: f(1))("a".lower),
    lambda: (lambda f: f())("a".join),
]:
    show(case)
"pvm".upper(1)
