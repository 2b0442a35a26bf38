# Whitespace splitting and stripping, ASCII and not, with maxsplit.
samples = ["a b  c  ", "  lead and trail\t\n", "x\x1cy\x1dz\x1e\x1fw", "\u3000wide\u3000space\xa0nb\u2028ls",
           "", "   ", "one", "tab\tsep\x0bvt\x0cff\rcr", "é è  ü\n"]
for s in samples:
    print(repr(s), s.split(), s.rsplit())
    for n in (0, 1, 2):
        print(n, s.split(None, n), s.rsplit(maxsplit=n))
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip(" a")))
words = "The quick brown fox".lower().split()
print(words, [w.upper() for w in words], "  ".join(words).split(" "))
