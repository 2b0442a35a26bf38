# Case mapping of str: lower/upper/casefold/swapcase/title/capitalize and islower/isupper,
# ASCII and not. The wasm build takes the non-ASCII mappings from the JS engine (see
# src/runtime/casemap.rs), so these samples cover SpecialCasing and the context rules.
samples = [
    "Hello, World! it's 3rd-rate", "ALL CAPS 42", "", "123 ..", "mIxEd_case x1y2",
    "Straße groß ẞ", "ΟΔΟΣ", "ΟΔΟΣ ΟΔΟΣ. Σ ΑΣ1 Α.Σ Α'Σ", "ΣΑΣ σας ς", "Α\u0345Σ \u0345Σ",
    "İstanbul ıi Iİ", "ﬁne ﬂow ﬀ ﬃ ﬆ", "ᏣᎳᎩ ꮳꮃꭹ ᏸ Ᏸ", "ǆemal ǅ Ǆ ǉ ǌ ǳ", "ﬓ և Եւ",
    "e\u0301cole A\u0308 i\u0307", "ŉ ǰ ΐ ΰ", "ᾳ ᾼ ᾀ ᾈ ᾲ ᾷ ῳ", "µ ſ ϐ ϑ K Å Ω",
    "ⓐⓑ Ⓐ ⅰⅱ Ⅻ", "ａｂｃ ＡＢＣ", "𐐨𐐩 𐐀𐐁", "中文 a中b 日本語", "Ꭰꭰ", "ა ბ Ა", "ǅungla ǈ",
]
for s in samples:
    print(repr(s))
    print("  lower     ", repr(s.lower()), "upper", repr(s.upper()))
    print("  casefold  ", repr(s.casefold()), "swapcase", repr(s.swapcase()))
    print("  title     ", repr(s.title()), "capitalize", repr(s.capitalize()))
    print("  islower", s.islower(), "isupper", s.isupper())

# Lengths change: one character can map to several.
for s in ["ß", "ﬃ", "İ", "ŉ", "ΐ", "ᾷ", "և"]:
    print(repr(s), len(s.upper()), len(s.lower()), len(s.casefold()), len(s.title()))

# Titlecase letters are neither upper nor lower; digits and marks do not count as cased.
for s in ["ǅ", "aǅ", "Aǅ", "ᾼ", "a1", "A1", "1", "ͅ", "a\u0345", "ⓐ", "Ⓐ", "ʰ", "ª"]:
    print(repr(s), s.islower(), s.isupper())

# Comparisons that ignore case.
print("Straße".casefold() == "STRASSE".casefold(), "ΣΑΣ".lower() == "σας", "ﬁ".upper() == "FI")
print(sorted(["b", "A", "ä", "Ä", "a"], key=str.casefold))
print({w.casefold() for w in ["Maße", "MASSE"]} == {"masse"})
