#!/usr/bin/env python3
"""Seeds fuzz/corpus/ from the project's Python test inputs: the run/dis/VM
corpora, compile-error programs, the robustness inputs (small ones) and every
case of tests/syntax/*_cases.txt. Rerun when those grow; crashers the fuzzer
finds are added under fuzz/corpus/regressions/ by hand and stay."""
import glob, os, re, shutil

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(root, "fuzz", "corpus", "seeds")
shutil.rmtree(out, ignore_errors=True)
os.makedirs(out)

count = 0
for pattern in ["tests/programs/*.py", "tests/dis/*.py", "tests/vm_data/programs/*.py",
                "tests/compile_errors/*.py", "tests/compile_warnings/*.py",
                "tests/robust/programs/*.py", "tests/robust/native/*.py"]:
    for path in sorted(glob.glob(os.path.join(root, pattern))):
        if os.path.getsize(path) > 32_000:
            continue
        name = pattern.split("/")[1] + "__" + os.path.basename(path)
        shutil.copyfile(path, os.path.join(out, name))
        count += 1

# tests/syntax/*_cases.txt: "#### name" lines start each case (see tests/syntax/common.rs).
for path in sorted(glob.glob(os.path.join(root, "tests/syntax/*_cases.txt"))):
    kind = os.path.basename(path).removesuffix("_cases.txt")
    name, lines = None, []
    def flush():
        global count
        if name is not None:
            safe = re.sub(r"[^A-Za-z0-9_]", "_", name)
            with open(os.path.join(out, f"syntax_{kind}__{safe}.py"), "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
            count += 1
    with open(path, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if line.startswith("#### "):
                flush()
                name, lines = line[5:].strip(), []
            else:
                lines.append(line)
    flush()
print(f"fuzz/corpus/seeds: {count} files")
