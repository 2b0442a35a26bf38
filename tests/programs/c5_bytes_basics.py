# bytes: literals, repr, indexing, slicing, iteration and operators
data = b"hello world"
print(data, len(data), type(data).__name__)
print(repr(b"a\x00\t\n\r\\'\x7f\x80\xff"), b"it's", b'say "hi"', b'both \' and "')
print(data[0], data[-1], data[1:4], data[::-1], data[::2], data[100:])
for byte in b"AZ":
    print(byte, chr(byte))
print(list(b"abc"), [b + 1 for b in b"abc"], sum(b"ab"), max(b"xyz"))
print(data + b"!", b"ab" * 3, 2 * b"-", b"" * 5)
print(b"lo" in data, 104 in data, b"" in data, b"zz" not in data)
print(b"abc" < b"abd", b"abc" < b"ab", b"b" > b"abc", b"ab" == b"ab", b"ab" == "ab")
print(sorted([b"pear", b"apple", b"fig"]), min(b"b", b"a"))
counts = {b"a": 1, b"b": 2}
counts[b"a"] += 10
print(counts, counts[b"a"], b"b" in counts, hash(b"key") == hash(b"ke" + b"y"))
print(len({b"x", b"x", b"y"}), bool(b""), bool(b"\x00"))
print(str(b"hi"), f"{b'x'}|{b'y'!r}|{b'z'!s:>6}", "%s and %r" % (b"a", b"b"))
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes(b"copy"), bytes("é", "utf-8"))
print(bytes("abc", encoding="ascii"), bytes((x * 2 for x in range(3))))
print(b"%d-%s-%x" % (5, b"x", 255), b"%05.1f" % 2.25)
it = iter(b"hi")
print(type(it).__name__, next(it), next(it), next(it, "end"))
a, b, *rest = b"xyz!"
print(a, b, rest)
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), (1024).to_bytes(2, "big"))
print(int.from_bytes(b"\xff\xfe", "big", signed=True), (-2).to_bytes(2, "big", signed=True))
print(ord(b"a"), list(reversed(b"abc")), int(b" 42 "), float(b"2.5"), int(bytearray(b"7")), sorted(b"cab"))
