"""Builds a program for the oracle that compiles every DIR/*.py (sources embedded)
with CPython 3.12.7 and prints each code object's attributes as JSON, one entry per
program that compiles:   python3 scripts/codeinfo-driver.py DIR > driver.py
Used by scripts/regen-dis-goldens.sh (tests/dis/golden/codeinfo.json) and
scripts/regen-goldens.sh (tests/golden/NAME.codeinfo.json, split per program).
The Rust side of the same shape is tests/golden_suite/codeinfo.rs."""
import json
import pathlib
import sys

sources = {}
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.py")):
    try:
        sources[p.name] = p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        pass  # does not compile: no code objects to dump
# repr, not JSON: JSON's \ud83d\ude00 escapes would read back as two lone surrogates.
sys.stdout.reconfigure(encoding="utf-8")
print("SOURCES = " + repr(sources))
print(r'''
import json

def table(code):
    entries = []
    it = iter(code.co_exceptiontable)
    def varint():
        b = next(it)
        val = b & 63
        while b & 64:
            val <<= 6
            b = next(it)
            val |= b & 63
        return val
    try:
        while True:
            start = varint() * 2
            length = varint() * 2
            target = varint() * 2
            dl = varint()
            entries.append([start, start + length, target, dl >> 1, bool(dl & 1)])
    except StopIteration:
        return entries

def info(code):
    return {
        "name": code.co_name,
        "qualname": code.co_qualname,
        "firstlineno": code.co_firstlineno,
        "argcount": code.co_argcount,
        "posonlyargcount": code.co_posonlyargcount,
        "kwonlyargcount": code.co_kwonlyargcount,
        "stacksize": code.co_stacksize,
        "flags": code.co_flags,
        "names": list(code.co_names),
        "varnames": list(code.co_varnames),
        "cellvars": list(code.co_cellvars),
        "freevars": list(code.co_freevars),
        "consts": [repr(c) if not hasattr(c, "co_code") else "<code>" for c in code.co_consts],
        "positions": [list(p) for p in code.co_positions()],
        "exceptiontable": table(code),
        "children": [info(c) for c in code.co_consts if hasattr(c, "co_code")],
    }

out = {}
for name, src in SOURCES.items():
    try:
        out[name] = info(compile(src, name, "exec"))
    except SyntaxError:
        pass
print(json.dumps(out, indent=0, sort_keys=True))
''')
