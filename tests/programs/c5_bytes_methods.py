# the common bytes methods
b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip(), b"xxaxx".strip(b"x"), b"\t\n x \x0b".strip())
print(b.split(), b"a,b,,c".split(b","), b"a,b,c".split(b",", 1), b"a b  c".split(None, 1))
print(b"a,b,c".rsplit(b",", 1), b" a b ".rsplit(), b"".split(), b"".split(b","))
print(b"-".join([b"a", b"b", b"c"]), b"".join([]), b", ".join((b"x", bytearray(b"y"))))
print(b.upper(), b.lower(), b.swapcase(), b"hello world".title(), b"hELLO".capitalize())
print(b"hello".startswith(b"he"), b"hello".endswith((b"x", b"lo")), b"hello".startswith(b"l", 2))
print(b"hello".find(b"l"), b"hello".rfind(b"l"), b"hello".find(b"z"), b"hello".find(108), b"hello".find(b"l", 3, 4))
print(b"hello".count(b"l"), b"hello".count(108), b"aaaa".count(b"aa"), b"abc".count(b""))
print(b"hello".index(b"e"), b"hello".rindex(b"l"))
print(b"hello".replace(b"l", b"L"), b"hello".replace(b"l", b"L", 1), b"ab".replace(b"", b"-"))
print(b"\x00\x01\xfe\xff".hex(), b"abc".hex(":"), b"abcdef".hex(" ", 2), b"abcdef".hex("-", -4))
print(bytes.fromhex("de ad be ef"), bytes.fromhex(""), bytearray.fromhex("0a0b"))
print(b"123".isdigit(), b"12a".isdigit(), b"abc".isalpha(), b"a1".isalnum(), b" \t".isspace(), b"".isalpha())
print(b"abc".islower(), b"ABC".isupper(), b"aBc".islower(), b"\x80".isascii(), b"abc".isascii())
print(b"key=value=x".partition(b"="), b"key=value=x".rpartition(b"="), b"none".partition(b"="))
print(b"prefix_name".removeprefix(b"prefix_"), b"name.py".removesuffix(b".py"))
print(b"a\nb\r\nc\rd".splitlines(), b"a\nb\n".splitlines(True))
print(b"42".zfill(5), b"-42".zfill(5), b"ab".center(6, b"*"), b"ab".ljust(4, b"."), b"ab".rjust(4))
print(b"a\tbc\td".expandtabs(4))
for bad in (lambda: b"x".split(""), lambda: b"x".find("x"), lambda: b"-".join([b"a", "b"]),
            lambda: b"x".startswith("x"), lambda: b"x".index(b"y"), lambda: bytes.fromhex("zz"),
            lambda: bytes.fromhex("abc"), lambda: b"x".replace("x", b"y"), lambda: b"abc"[5]):
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
print(b"  a b  ".split(None, 1), b"  a b  ".rsplit(None, 1), b"hello".find(b"", 10), b"hello".count(b"", 10))
for bad in (lambda: int(b"4x"), lambda: float(b"x"), lambda: sum([b"a"], b""), lambda: ord(b"ab")):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
