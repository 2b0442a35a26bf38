# Which str objects are new and which are shared, where a program can see it with
# `is`: an int's str and repr are new objects even of one digit (f"{x}", str(x),
# repr(x), format(x), f"{x!r}", f"{x:}"), where formatting with a spec, str.format
# and % share the one-character singletons; a join of two or more pieces is new
# (only "" is shared) and a join of one str is that str; True, False and None
# format as the interned names. In a function (run mode's fast paths) and at
# module level alike.

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
