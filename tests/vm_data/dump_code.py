"""Dump CPython 3.12 code objects as JSON for the VM's tests.

Usage: python3.12 dump_code.py PROG.py > PROG.code.json

The JSON mirrors pvm's CodeObject field for field, so the VM can be tested on
bytecode straight from CPython, independently of our own compiler.
"""
import dis, json, sys

def const(c):
    if c is None: return {"None": None}
    if c is ...: return {"Ellipsis": None}
    if isinstance(c, bool): return {"Bool": c}
    if isinstance(c, int): return {"Int": str(c)}
    if isinstance(c, float): return {"Float": repr(c)}
    if isinstance(c, complex): return {"Complex": [repr(c.real), repr(c.imag)]}
    if isinstance(c, str): return {"Str": c}
    if isinstance(c, bytes): return {"Bytes": list(c)}
    if isinstance(c, tuple): return {"Tuple": [const(x) for x in c]}
    if isinstance(c, frozenset): return {"FrozenSet": [const(x) for x in c]}
    if hasattr(c, "co_code"): return {"Code": code(c)}
    raise TypeError(type(c))

def code(co):
    kinds = []
    names = list(co.co_varnames) + [n for n in co.co_cellvars if n not in co.co_varnames] + list(co.co_freevars)
    for n in names:
        k = 0
        if n in co.co_varnames: k |= 0x20
        if n in co.co_cellvars: k |= 0x40
        if n in co.co_freevars: k = 0x80
        kinds.append(k)
    return {
        "argcount": co.co_argcount, "posonlyargcount": co.co_posonlyargcount,
        "kwonlyargcount": co.co_kwonlyargcount, "flags": co.co_flags,
        "stacksize": co.co_stacksize, "code": list(co.co_code),
        "consts": [const(c) for c in co.co_consts], "names": list(co.co_names),
        "localsplusnames": names, "localspluskinds": kinds,
        "filename": co.co_filename, "name": co.co_name, "qualname": co.co_qualname,
        "firstlineno": co.co_firstlineno,
        "positions": [list(p) for p in co.co_positions()],
        "exception_table": [[e.start, e.end, e.target, e.depth, e.lasti]
                            for e in dis._parse_exception_table(co)],
    }

path = sys.argv[1]
src = open(path).read()
print(json.dumps(code(compile(src, path.rsplit("/", 1)[-1], "exec"))))
