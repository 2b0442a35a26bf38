# bytes and bytearray methods' argument-count and keyword errors, by calling convention.
def show(case):
    try:
        case()
        print("no error")
    except TypeError as e:
        print(e)

# METH_NOARGS
for case in [
    lambda: b"a".lower(1),
    lambda: b"a".upper(1, 2),
    lambda: b"a".isdigit(0),
    lambda: b"a".isascii(1),
    lambda: b"a".title(x=1),
    lambda: bytearray(b"a").lower(1),
    lambda: bytearray(b"a").clear(1),
    lambda: bytearray(b"a").copy(1),
    lambda: bytearray(b"a").reverse(x=1),
]:
    show(case)
# METH_O
for case in [
    lambda: b"a".join(),
    lambda: b"a".zfill(),
    lambda: b"a".partition(),
    lambda: b"a".removeprefix(b"a", b"b"),
    lambda: bytes.fromhex(),
    lambda: bytearray.fromhex("00", "11"),
    lambda: bytearray(b"a").append(),
    lambda: bytearray(b"a").extend(),
    lambda: bytearray(b"a").remove(),
    lambda: bytearray(b"a").append(item=1),
    lambda: bytearray.fromhex(string="00"),
]:
    show(case)
# Argument Clinic, positional-only
for case in [
    lambda: b"a".replace(),
    lambda: b"a".replace(b"a", b"b", 1, 2),
    lambda: b"a".strip(b" ", b" "),
    lambda: b"a".center(),
    lambda: b"a".ljust(1, b" ", 2),
    lambda: bytearray(b"a").pop(1, 2),
    lambda: bytearray(b"a").insert(0),
    lambda: bytearray(b"a").insert(0, 1, 2),
    lambda: bytearray(b"a").pop(index=0),
    lambda: b"a".strip(bytes=b" "),
]:
    show(case)
# PyArg_ParseTuple
for case in [
    lambda: b"a".find(),
    lambda: b"a".rfind(b"a", 0, 1, 2),
    lambda: b"a".index(),
    lambda: b"a".count(),
    lambda: b"a".startswith(),
    lambda: bytearray(b"a").endswith(b"a", 0, 1, 2),
    lambda: b"a".find(sub=b"a"),
    lambda: bytearray(b"a").count(x=1),
]:
    show(case)
# Argument Clinic with keywords
for case in [
    lambda: b"a b".split(b" ", 1, 2),
    lambda: b"a b".split(sep=b" ", x=1),
    lambda: bytearray(b"a b").rsplit(b" ", sep=b" "),
    lambda: b"a".splitlines(True, False),
    lambda: b"a".splitlines(keep=True),
    lambda: b"a".expandtabs(4, 4),
    lambda: b"a".decode("utf-8", "strict", 1),
    lambda: b"a".decode(encodin="utf-8"),
    lambda: bytearray(b"a").decode("ascii", encoding="ascii"),
    lambda: b"a".hex(":", 1, 2),
    lambda: b"a".hex(separator=":"),
    lambda: b"ab".hex(":", sep=":"),
]:
    show(case)
# the methods still work with keywords they accept
for case in [
    lambda: print(b"a,b".split(sep=b","), b"\x01\x02".hex(sep=":", bytes_per_sep=1), b"a\nb".splitlines(keepends=True), b"\xc3\xa9".decode(encoding="utf-8")),
]:
    show(case)
# argument types Argument Clinic names by value when None
for case in [
    lambda: bytes.fromhex(None),
    lambda: b"a".decode(None),
    lambda: "a".encode("utf-8", None),
    lambda: "a".replace(None, "b"),
    lambda: "a".removeprefix(None),
]:
    show(case)
bytearray(b"pvm").append()
