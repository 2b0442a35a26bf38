# Which str objects are new and which are shared, where a program can see it with
# `is`: an int's str and repr are new objects even of one digit (f"{x}", str(x),
# repr(x), format(x), f"{x!r}", f"{x:}"), where formatting with a spec, str.format
# and % share the one-character singletons; a join of two or more pieces is new
# (only "" is shared) and a join of one str is that str; True, False and None
# format as the interned names; a method that leaves an exact str unchanged
# (strip, replace, ljust, a split that finds nothing to split...) gives back
# the str itself, a str subclass's gives a new exact str. In a function (run
# mode's fast paths) and at module level alike.

def one(s):
    return s  # hides the constant from the compiler's folding


def cases():
    x = 5
    y = one("a")
    e = one("")
    five = one("5")
    true, false, none = one("True"), one("False"), one("None")  # the interned constants
    print(f"{x}" is five, f"{x}" is f"{x}", str(x) is five, repr(x) is five)
    print(f"{x!r}" is five, f"{x!s}" is five, f"{x!a}" is five, f"{x:}" is five)
    print(f"{x:d}" is five, f"{x:>1}" is five, format(x) is five, format(x, "") is five)
    print("{}".format(x) is five, "%d" % x is five, "%s" % y is y, ascii(x) is five)
    print(f"{y}" is y, f"{y!s}" is y, f"{y}{e}" is y, f"{e}{y}" is y, f"{e}{e}" is e)
    print(f"{y}{y}" == "aa", f"-{x}" == "-5", f"{x}{e}" is five, f"{e}{x}" == five)
    print(f"{True}" is true, str(False) is false, repr(None) is none, f"{None}" is none)
    print(format(True) is true, format(None, "") is none, str(True) is str(True))
    print("".join([y]) is y, "".join([y, e]) is y, "-".join(["a", "b"]) == "a-b", "".join([]) is e)
    print(f"{-3}" == "-3", f"{x}"[0] is five, str(x)[0] is five, chr(53) is five)
    n = 12
    print(f"{n}" is f"{n}", str(n) is str(n), f"{n:}" == "12")
    print(repr(y) == "'a'", ascii("é") == "'\\xe9'", f"{'é'!a}" == "'\\xe9'")


cases()
x = 7
seven = one("7")
print(f"{x}" is seven, str(x) is seven, f"{x:d}" is seven, f"{x}{''}" is seven)


def unchanged():
    y = one("abc")
    sp = one("a b")
    z = S("abc")
    x, five = 5, one("5")
    print("split", y.split()[0] is y, y.split(",")[0] is y, sp.split(None, 0)[0] is sp, sp.split(",", 0)[0] is sp, y.rsplit()[0] is y, y.rsplit(",")[0] is y, sp.rsplit(None, 0)[0] is sp)
    print("lines", y.splitlines()[0] is y, one("abc\n").splitlines(True)[0] is y, y.splitlines(True)[0] is y)
    print("strip", y.strip("z") is y, y.lstrip() is y, y.strip("") is y, z.strip() is z, type(z.strip()).__name__)
    print("pad", y.ljust(3) is y, y.rjust(0) is y, y.center(2, "*") is y, y.zfill(3) is y, y.zfill(-1) is y)
    print("repl", y.replace("a", "a") is y, y.replace("x", "y") is y, y.replace("a", "b", 0) is y, y.replace("", "") is y)
    print("tabs", y.expandtabs(4) is y, one("a\tb").expandtabs() == "a       b")
    print("mul", y * 1 is y, 1 * y is y, (y * 2) * 1 == "abcabc")
    print("fmt", format(y, ".3") is y, format(y, "<3") is y, format(y, ">2") is y, format(y, ".5") is y, format(y, "^3s") is y, format(y, ".2") == "ab")
    print("fstr", f"{y:3}" is y, f"{y!s:3}" is y, f"{y!r}" == "'abc'", f"{z}" is z, f"{z:}" is z)
    print("sfmt", "{}".format(y) is y, "{0}".format(y) is y, "{:3}".format(y) is y, "{!s}".format(y) is y, "{}{}".format(y, "") is y, "{}".format(z) is z)
    print("pct", "%s" % y is y, "%s" % (y,) is y, "%3s" % y is y, "%.3s" % y is y, "%s" % z is z, "%s%s" % (y, "") is y)
    print("ints", "%s" % x is five, "%d" % x is five, "{!r}".format(x) is five, "{!s}".format(x) is five, "{}".format(x) is five, "%r" % x is five)
    print("other", y[0:3] is y, y[::1] is y, y[:5] is y, y.removeprefix("") is y, y.removesuffix("x") is y, y.translate({}) is y, y.casefold() is y)
    print("misc", str(z) is z, type(str(z)).__name__, y.format() is y, y.join([]) == "", y.encode().decode() is y, "%%" % () == "%")


class S(str):
    pass


unchanged()
