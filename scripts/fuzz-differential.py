#!/usr/bin/env python3
"""Differential fuzzing (a developer tool, not CI): random valid programs from the language
pvm supports, run by the oracle (CPython 3.12.7) in one batch and by `pvm run`; every
difference in stdout, stderr or exit status is reported and its program kept.

    python3 scripts/fuzz-differential.py [--count 200] [--seed 1] [--keep DIR]

Needs a built CLI (cargo build --release: target/release/pvm, or PVM=path) and the oracle
(ORACLE=/work/oracle/oracle.mjs). Mismatching programs are copied to DIR (default
target/differential/) with pvm's and the oracle's output side by side; the ones worth keeping
become test data (tests/robust/programs/, then scripts/regen-robust-goldens.sh).

Programs print only deterministic things: no sets of strings (their order differs on the
oracle's 32-bit build), no id(), no floats from transcendental functions."""
import argparse, os, random, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Gen:
    def __init__(self, rng):
        self.r = rng
        self.vars = ["a", "b", "c"]
        self.funcs = []
        self.depth = 0

    def pick(self, xs):
        return self.r.choice(xs)

    # ----- expressions --------------------------------------------------------
    def atom(self):
        k = self.r.randrange(10)
        if k < 3:
            return self.pick(self.vars)
        if k < 5:
            return str(self.r.choice([0, 1, 2, 3, 7, 10, -1, -5, 255, 2**31, 2**63, 10**20]))
        if k == 5:
            return self.pick(["'abc'", "''", "'x y'", '"q"', "'\\n'", "'é'", "'10'"])
        if k == 6:
            return self.pick(["1.5", "0.1", "-2.0", "1e10", "3.0"])
        if k == 7:
            return self.pick(["True", "False", "None"])
        if k == 8:
            return "[" + ", ".join(self.expr() for _ in range(self.r.randrange(4))) + "]"
        items = [self.expr() for _ in range(self.r.randrange(3))]
        return "(" + ", ".join(items) + ",)" if items else "()"

    def expr(self):
        if self.depth > 3:
            return self.atom()
        self.depth += 1
        try:
            k = self.r.randrange(16)
            if k < 5:
                return self.atom()
            if k < 9:
                op = self.pick(["+", "-", "*", "//", "%", "**", "<<", ">>", "&", "|", "^", "/", "==", "<", "!=", ">=", "and", "or", "is", "in"])
                if op == "**":
                    return f"({self.expr()}) ** {self.r.randrange(5)}"
                if op in ("<<", ">>"):
                    return f"({self.expr()}) {op} {self.r.randrange(70)}"
                return f"({self.expr()} {op} {self.expr()})"
            if k == 9:
                return f"(not {self.expr()})"
            if k == 10:
                return f"({self.expr()} if {self.expr()} else {self.expr()})"
            if k == 11:
                f = self.pick(["len", "str", "repr", "abs", "bool", "int", "sorted", "list", "tuple", "min", "max", "sum", "type"])
                return f"{f}({self.expr()})"
            if k == 12:
                return f"{self.expr()}[{self.expr()}]"
            if k == 13:
                v = self.pick(["x", "y"])
                return f"[{self.expr()} for {v} in {self.iterable()} if {self.expr()}]"
            if k == 14 and self.funcs:
                f = self.pick(self.funcs)
                return f"{f}({self.expr()})"
            return "{" + ", ".join(f"{self.expr()}: {self.expr()}" for _ in range(self.r.randrange(3))) + "}"
        finally:
            self.depth -= 1

    def iterable(self):
        return self.pick([f"range({self.r.randrange(6)})", "'abc'", self.pick(self.vars), "[1, 2, 3]", f"range({self.r.randrange(-3, 3)}, {self.r.randrange(8)}, {self.pick([1, 2, -1])})"])

    # ----- statements -----------------------------------------------------------
    def block(self, indent, n):
        return "".join(self.stmt(indent) for _ in range(n)) or indent + "pass\n"

    def stmt(self, indent):
        k = self.r.randrange(14 if indent.count(" ") < 12 else 6)
        if k < 3:
            v = self.pick(self.vars)
            return f"{indent}{v} = {self.expr()}\n"
        if k < 5:
            return f"{indent}print({self.expr()})\n"
        if k == 5:
            return f"{indent}{self.pick(self.vars)} {self.pick(['+=', '-=', '*=', '//=', '|='])} {self.expr()}\n"
        if k == 6:
            return f"{indent}if {self.expr()}:\n{self.block(indent + '    ', 2)}{indent}else:\n{self.block(indent + '    ', 1)}"
        if k == 7:
            v = self.pick(self.vars)
            return f"{indent}for {v} in {self.iterable()}:\n{self.block(indent + '    ', 2)}"
        if k == 8:
            return f"{indent}try:\n{self.block(indent + '    ', 2)}{indent}except {self.pick(['Exception', 'TypeError', 'ZeroDivisionError', 'IndexError', '(KeyError, ValueError)'])} as e:\n{indent}    print(type(e).__name__, e)\n"
        if k == 9:
            name = f"f{len(self.funcs)}"
            body = self.block(indent + "    ", 2) + f"{indent}    return {self.expr()}\n"
            self.funcs.append(name)
            return f"{indent}def {name}(a):\n{body}"
        if k == 10:
            return f"{indent}while {self.pick(self.vars)} and {self.r.randrange(3)}:\n{self.block(indent + '    ', 1)}{indent}    break\n"
        if k == 11:
            return f"{indent}assert {self.expr()}, {self.expr()}\n"
        if k == 12:
            return f"{indent}{self.pick(self.vars)}, *{self.pick(self.vars)} = {self.iterable()}\n"
        return f"{indent}del {self.pick(self.vars)}\n"

    def program(self):
        head = "a, b, c = 1, 'two', [3]\n"
        return head + self.block("", self.r.randrange(4, 14))


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, **kw)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", default=os.path.join(ROOT, "target", "differential"))
    args = ap.parse_args()
    pvm = os.environ.get("PVM", os.path.join(ROOT, "target", "release", "pvm"))
    oracle = os.environ.get("ORACLE", "/work/oracle/oracle.mjs")
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="pvm-diff-")
    progs, golden = os.path.join(work, "p"), os.path.join(work, "g")
    os.makedirs(progs)
    for i in range(args.count):
        with open(os.path.join(progs, f"g{args.seed}_{i:04d}.py"), "w") as f:
            f.write(Gen(rng).program())
    r = run(["node", oracle, "--batch", progs, golden, "--no-trace", "--jobs", "2"])
    if r.returncode not in (0, 1):
        sys.exit(f"oracle failed: {r.stderr.decode()[-2000:]}")
    os.makedirs(args.keep, exist_ok=True)
    mismatches = 0
    for name in sorted(os.listdir(progs)):
        stem = name[:-3]
        got = run([pvm, "run", name], cwd=progs, stdin=subprocess.DEVNULL, timeout=60)
        read = lambda ext: open(os.path.join(golden, f"{stem}.{ext}"), "rb").read() if os.path.exists(os.path.join(golden, f"{stem}.{ext}")) else b""
        want_out, want_err, want_code = read("out"), read("err"), int(read("code") or b"0")
        err = got.stderr.replace((progs + "/").encode(), b"")
        if b"[oracle]" in want_err:
            continue  # the oracle's own time or output limit
        if (got.stdout, err, got.returncode) != (want_out, want_err, want_code):
            mismatches += 1
            shutil.copy(os.path.join(progs, name), args.keep)
            with open(os.path.join(args.keep, f"{stem}.diff.txt"), "wb") as f:
                f.write(b"== pvm stdout\n" + got.stdout + b"\n== oracle stdout\n" + want_out)
                f.write(b"\n== pvm stderr\n" + err + b"\n== oracle stderr\n" + want_err)
                f.write(f"\n== exit pvm {got.returncode} oracle {want_code}\n".encode())
            print(f"MISMATCH {stem}: see {args.keep}/{stem}.diff.txt")
    print(f"differential: {args.count} programs (seed {args.seed}), {mismatches} mismatches")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
