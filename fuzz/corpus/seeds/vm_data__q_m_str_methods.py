s = "  Hello, World! Hello!  "
print(s.strip().lower().replace("hello", "bye"), s.count("Hello"), s.find("World"), s.rfind("Hello"))
print(s.split(","), s.split(), s.strip().split(" ", 1), "a-b-c".rsplit("-", 1), "x".join("abc"))
print("Title Case Words".swapcase(), "snake_case_name".title(), "abc".center(9, "-"), "42".rjust(5, "0"), "ab".ljust(4) + "|")
print("hello world".capitalize(), "ABC".isupper(), "abc123".isalnum(), "   ".isspace(), "12".isdigit(), "½".isnumeric())
print("line1\nline2\n".splitlines(), "a,b,c".partition(","), "a,b,c".rpartition(","), "prefix_x".removeprefix("prefix_"))
print("%-10s|%10s|" % ("left", "right"), "tab\tsep".expandtabs(4) if hasattr(str, "expandtabs") else "")
print("Ünïcödé".upper(), "straße".casefold(), "ǅ".lower(), len("👍"), "👍" * 2, "a\u0301")
print("abc"[::2], "abcdef"[-3:-1], "x" in "xyz", "xyz".startswith(("a", "x")), "xyz".endswith("yz", 0, 3))
print(repr("\t\n\\'\""), repr("\x00\x7f\u200b"), str(3) + str(3.0) + str(True) + str(None))
words = ["apple", "Banana", "cherry"]
print(sorted(words), sorted(words, key=str.lower), max(words, key=len), " ".join(w[::-1] for w in words))
print(f"{'nested ' + 'expr':>20}", f"{3 + 4 = }", f"{'a'!r}", f"{{literal}}", f"{1/3:.3}", f"{12345:_}", f"{0.5:.0%}")
