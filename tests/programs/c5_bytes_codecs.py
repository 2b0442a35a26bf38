# str.encode / bytes.decode with the utf-8, ascii and latin-1 codecs
text = "café €5"
print(text.encode(), text.encode("utf-8"), text.encode("UTF8"), len(text.encode()))
print("plain".encode("ascii"), "aé".encode("latin-1"), "aé".encode("iso-8859-1"))
print(text.encode("ascii", "ignore"), text.encode("ascii", "replace"), text.encode("latin-1", errors="replace"))
print(text.encode("ascii", "backslashreplace"), text.encode("ascii", "xmlcharrefreplace"))
raw = text.encode()
print(raw.decode(), raw.decode("utf-8") == text, raw.decode("latin-1"))
print(raw.decode("ascii", "replace"), raw.decode("ascii", "ignore"), b"a\xffb".decode("utf-8", "backslashreplace"))
print(b"\xf0\x9f\x98\x80".decode(), str(b"caf\xc3\xa9", "utf-8"), str(b"h\xffi", "utf-8", "replace"))
cases = [
    lambda: "é€".encode("ascii"),
    lambda: "aéé€b".encode("ascii"),
    lambda: "aé€b".encode("latin-1"),
    lambda: b"a\xe9b".decode(),
    lambda: b"a\xe9\xe9b".decode("ascii"),
    lambda: b"\xc3\xa9\xe2\x82".decode(),
    lambda: b"\xe2\x82z".decode(),
    lambda: b"\xff\xfe".decode(),
    lambda: b"\xed\xa0\x80".decode(),
    lambda: "x".encode("klingon"),
    lambda: "é".encode("ascii", "shout"),
    lambda: str("x", "utf-8"),
    lambda: bytes("x"),
]
for case in cases:
    try:
        print(case())
    except UnicodeError as e:
        print(type(e).__name__, "|", e, "|", e.encoding, e.start, e.end, e.reason)
    except (LookupError, TypeError) as e:
        print(type(e).__name__, e)
try:
    "naïve".encode("ascii")
except ValueError as e:
    print(isinstance(e, UnicodeEncodeError), isinstance(e, UnicodeError), e.object)
