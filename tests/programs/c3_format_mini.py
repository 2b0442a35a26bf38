for spec in ("", "10", "<10", ">10", "^10", "*^10", "+", " ", "08.3f", ".2e", ",", "_", "x", "X", "#x", "#b", "o", "%", ".1%", "g", ".3g", "n"):
    try:
        print(repr(spec), "->", repr(format(1234.5678 if "f" in spec or "e" in spec or "%" in spec or "g" in spec else 1234, spec)))
    except ValueError as e:
        print(repr(spec), "error", e)
print(format("text", "^8"), format(True), format(3.0), format(-0.0, "+.1f"))
print("{:,}".format(1234567), "{:08.2f}".format(-3.14159), "{:=+8}".format(42))
print("%05d|%x|%o|%e|%g|%c|%-4d|" % (42, 255, 8, 1234.5, 0.0001, 65, 7))
print("%(a)s-%(b)03d" % {"a": "A", "b": 7})
