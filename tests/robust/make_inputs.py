#!/usr/bin/env python3
"""Writes the robustness inputs that are easier to generate than to type
(bytes-exact line endings, BOM, megabyte-sized and deeply nested sources)
into tests/robust/programs/. Deterministic: rerunning gives the same files.
Run by scripts/regen-robust-goldens.sh before the oracle."""
import os

here = os.path.dirname(os.path.abspath(__file__))


def write(name, data, folder="programs"):
    """programs/: pvm must match CPython 3.12.7 (the oracle)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    os.makedirs(os.path.join(here, folder), exist_ok=True)
    with open(os.path.join(here, folder, name), "wb") as f:
        f.write(data)


write("empty.py", b"")
write("comments_only.py", "# nothing but comments\n#\n   # indented comment\n# no newline at the end")
write("bom.py", b"\xef\xbb\xbfprint('after a BOM')\nimport sys\nprint(len('\xc3\xa9'))\n")
write("crlf.py", b"def f(x):\r\n    if x:\r\n        return 'crlf'\r\n    return 0\r\nprint(f(1))\r\nprint('''a\r\nb''')\r\n")
write("lone_cr.py", b"def f(x):\r    return x * 2\rprint(f(21))\rprint('''a\rb''')\r")
write("mixed_endings.py", b"x = 1\ny = 2\r\nz = 3\rprint(x, y, z)\n")
write("tab_error.py", b"if True:\n        x = 1\n\ty = 2\n")
write("tab_consistent.py", b"if True:\n\tx = 1\n\tif x:\n\t\tprint('tabs', x)\n")
write("unicode_identifiers.py", "caf\u00e9 = 3\n\u03c0 = 3.14159\n\u5909\u6570 = '\u5024'\n"
      "def gr\u00fc\u00dfe(\u540d\u524d):\n    return f'hallo {\u540d\u524d}'\n"
      "print(caf\u00e9, \u03c0, \u5909\u6570, gr\u00fc\u00dfe('\u4e16\u754c'))\n"
      "\uff41 = 1\nprint(a)\n")
write("bad_identifier.py", "x = 1\ny\u20ac = 2\n")

# About 1 MB of source: many small functions and a big list literal.
parts = []
for i in range(10000):
    parts.append(f"def f{i}(a, b={i}):\n    c = a + b * {i} - {i % 7}\n    return c if c > {i} else -c\n\n")
parts.append("total = 0\nfor i in range(0, 10000, 97):\n    total += globals()[f'f{i}'](i)\nprint(total)\n")
parts.append("data = [" + ", ".join(str(i * 37 % 1000) for i in range(40000)) + "]\nprint(len(data), sum(data))\n")
src = "".join(parts)
assert len(src) > 1_000_000, len(src)
write("big_1mb.py", src)

# A 10,000-line function (the line table, EXTENDED_ARG jumps, big co_consts).
lines = ["def long_function(n):", "    total = 0"]
for i in range(9996):
    lines.append(f"    total += n * {i} % {i % 13 + 1}" if i % 3 else f"    if total > {i * 5}: total -= {i}")
lines.append("    return total")
lines.append("print(long_function(3))")
write("long_function.py", "\n".join(lines) + "\n")

# Nesting at and beyond CPython's limits.
write("parens_200.py", "x = " + "(" * 199 + "1" + ")" * 199 + "\nprint(x)\n")
write("parens_201.py", "x = " + "(" * 201 + "1" + ")" * 201 + "\n")
write("brackets_deep.py", "x = " + "[" * 300 + "]" * 300 + "\n")
write("indent_99.py", "".join(" " * i + "if True:\n" for i in range(99)) + " " * 99 + "print('deep')\n")
write("indent_100.py", "".join(" " * i + "if True:\n" for i in range(100)) + " " * 100 + "print('too deep')\n")
write("loops_20.py", "".join("    " * i + f"for i{i} in [0]:\n" for i in range(20)) + "    " * 20 + "print('20 loops')\n")
write("loops_21.py", "".join("    " * i + f"for i{i} in [0]:\n" for i in range(21)) + "    " * 21 + "print('21 loops')\n")
write("deep_unary.py", "x = " + "-" * 2000 + "1\nprint(x)\n")
write("deep_binary.py", "x = " + "1 + " * 5000 + "1\nprint(x)\n")
write("deep_calls.py", "def f(x): return x\nprint(" + "f(" * 150 + "1" + ")" * 150 + ")\n")
write("deep_lambda.py", "f = " + "lambda: " * 150 + "7\n" + "print(f" + "()" * 150 + ")\n")
write("deep_attr.py", "class A: pass\na = A()\na.a = a\nprint(a" + ".a" * 5000 + " is a)\n")
write("deep_subscript.py", "a = [0]\na[0] = a\nprint(a" + "[0]" * 5000 + " is a)\n")
write("deep_fstring.py", "x = 1\nprint(f'{f\"{x}\"}')\n")

# CPython 3.12.7's own limits on nesting, each just inside and past it (the oracle's
# thresholds, found by bisection): pegen's MAXSTACK (MemoryError: Parser stack overflowed)
# and the compiler's recursion limit (RecursionError: ... during compilation).
def chain(name, expr_of, ok, too_deep, prelude=""):
    for k in (ok, too_deep):
        write(f"{name}_{k}.py", prelude + expr_of(k) + "print('done')\n")

chain("nest_binary", lambda k: "x = " + "1+" * (k - 1) + "1\n", 9997, 9998)
chain("nest_binary_huge", lambda k: "x = " + "1+" * (k - 1) + "1\n", 5000, 100_000)
chain("nest_methods", lambda k: "a" + ".f()" * k + "\n", 4997, 4998, "class A:\n    def f(self): return self\na = A()\n")
chain("nest_attr", lambda k: "b = a" + ".a" * k + "\n", 5000, 100_000, "class A: pass\na = A()\na.a = a\n")
chain("nest_unary", lambda k: "x = " + "-" * k + "1\n", 5966, 5968)
chain("nest_not", lambda k: "x = " + "not " * k + "1\n", 5966, 10_000)
chain("nest_power", lambda k: "x = " + "1**" * (k - 1) + "1\n", 2984, 2986)
chain("nest_lambda", lambda k: "f = " + "lambda: " * k + "7\n", 2000, 3000)
chain("nest_ifexp", lambda k: "x = " + "1 if c else " * k + "2\n", 5000, 10_000, "c = 0\n")
chain("nest_elif", lambda k: "if x == 0: pass\n" + "".join(f"elif x == {i}: pass\n" for i in range(1, k)), 3000, 10_000, "x = 7\n")
write("nest_lists_199.py", "x = " + "[" * 199 + "1" + "]" * 199 + "\nprint(len(x))\n")
write("nest_dicts_199.py", "x = " + "{1: " * 199 + "1" + "}" * 199 + "\nprint(len(x))\n")
write("nest_tuples_199.py", "x = " + "(" * 199 + "1," + "),"  * 198 + ")\nprint(len(x))\n")
write("nest_calls_199.py", "def f(x): return x\nprint(" + "f(" * 198 + "1" + ")" * 198 + ")\n")
write("nest_lists_1000.py", "x = " + "[" * 1000 + "]" * 1000 + "\n")
