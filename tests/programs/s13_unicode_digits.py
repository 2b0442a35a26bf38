# int(), float() and complex() read any Unicode decimal digit (Arabic-Indic,
# Devanagari, fullwidth, mathematical...) and skip any Unicode space around the
# number, as CPython does; other numeric characters (fractions, Roman numerals)
# are refused with the text as written in the message.
print(int("\u0663"), float("\u0663.\u0665"), int("\uff11\uff12"), int("\u2003-\u0967\u0968\u3000"), int("\u0663", 16), float("\uff11e\uff12"))
print(int("1_\u0662"), complex("\u0661+\u0662j"), int(" \u0e51\u0e52 "), float("-\U0001d7ce.\U0001d7cf"))
for bad in ["\u00bd", "\u2167", "\u0663\u00bd", "1\u200b2", "\u0663.\u0665", "\uff11\uff10\uff10x"]:
    for f in (int, float):
        try:
            print(f(bad))
        except ValueError as e:
            print(e)
