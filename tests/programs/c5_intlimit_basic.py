# CPython's 4300-digit limit on int <-> str conversion
import sys
print(sys.get_int_max_str_digits())
print(len(str(int("7" * 4300))), int("1" * 5000, 16) % 1000, int("0x" + "f" * 5000, 0) % 97)
for text in ("1" * 5000, "-" + "9" * 4301, " " + "1_" * 2200 + "1 ", "1" * 5000 + "x"):
    try:
        int(text)
    except ValueError as e:
        print(str(e)[:120])
try:
    str(10 ** 5000)
except ValueError as e:
    print(e)
for bad in (-1, 100, True, "x"):
    try:
        sys.set_int_max_str_digits(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
sys.set_int_max_str_digits(640)
print(sys.get_int_max_str_digits(), len(str(10 ** 639)))
try:
    int("5" * 641)
except ValueError as e:
    print(e)
sys.set_int_max_str_digits(0)
print(len(str(int("3" * 6000))), sys.get_int_max_str_digits())
sys.set_int_max_str_digits(maxdigits=4300)
print(sys.get_int_max_str_digits())
