#!/usr/bin/env bash
# Regenerates tests/golden/ from tests/programs/*.py with the oracle (CPython 3.12.7 in
# Pyodide). Goldens are data: never edit one by hand; change the program and rerun this.
#
#   bash scripts/regen-goldens.sh
#
# PROGRAMS=DIR GOLDEN=DIR (relative to the repository) regenerate another suite the same way.
#
# The oracle is read-only at ../shared/oracle (next to the repository, or to its main checkout
# when this is a git worktree; override with ORACLE_SRC=DIR). It needs `npm ci`, so it is
# copied to .tools/oracle and installed there once.
# ORACLE_DIR=DIR uses an already-installed oracle as it is instead.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PVM_ROOT"

if [ -z "${ORACLE_DIR:-}" ]; then
  src=${ORACLE_SRC:-$PVM_ROOT/../shared/oracle}
  # From a git worktree elsewhere: next to the main checkout instead.
  main_checkout=$(cd "$(git rev-parse --git-common-dir)/.." && pwd)
  [ -n "${ORACLE_SRC:-}" ] || [ -f "$src/oracle.mjs" ] || src=$main_checkout/../shared/oracle
  [ -f "$src/oracle.mjs" ] || { echo "error: no oracle at $src (set ORACLE_SRC)" >&2; exit 1; }
  ORACLE_DIR=$PVM_TOOLS/oracle
  if ! cmp -s "$src/oracle.mjs" "$ORACLE_DIR/oracle.mjs" ||
     ! cmp -s "$src/package-lock.json" "$ORACLE_DIR/package-lock.json" ||
     [ ! -d "$ORACLE_DIR/node_modules/pyodide" ]; then
    step "installing the oracle into $ORACLE_DIR"
    rm -rf "$ORACLE_DIR"
    mkdir -p "$ORACLE_DIR"
    cp "$src/oracle.mjs" "$src/package.json" "$src/package-lock.json" "$ORACLE_DIR/"
    (cd "$ORACLE_DIR" && npm ci --no-audit --no-fund)
  fi
fi

PROGRAMS=${PROGRAMS:-tests/programs}
GOLDEN=${GOLDEN:-tests/golden}

# Write into a fresh folder, then swap it in: goldens of deleted programs must not linger.
step "node $ORACLE_DIR/oracle.mjs --batch $PROGRAMS $GOLDEN"
fresh=$(mktemp -d "$PVM_ROOT/tests/.golden-new.XXXX")
trap 'rm -rf "$fresh"' EXIT
node "$ORACLE_DIR/oracle.mjs" --batch "$PROGRAMS" "$fresh" --jobs 2
# Every code object's fields (NAME.codeinfo.json, for each program that compiles), dumped by
# the driver the dis suite uses too, then split per program.
step "code-object fields: scripts/codeinfo-driver.py $PROGRAMS"
python3 scripts/codeinfo-driver.py "$PROGRAMS" > "$fresh/codeinfo-driver.py"
node "$ORACLE_DIR/oracle.mjs" "$fresh/codeinfo-driver.py" --run > "$fresh/codeinfo-all.json"
python3 - "$fresh" <<'SPLIT'
import json, pathlib, sys
fresh = pathlib.Path(sys.argv[1])
for name, info in json.loads((fresh / "codeinfo-all.json").read_text()).items():
    (fresh / (name[:-len(".py")] + ".codeinfo.json")).write_text(json.dumps(info, indent=0, sort_keys=True) + "\n")
SPLIT
rm "$fresh/codeinfo-driver.py" "$fresh/codeinfo-all.json"
rm -rf "$GOLDEN"
mv "$fresh" "$GOLDEN"
chmod 755 "$GOLDEN"
echo "$GOLDEN: $(ls "$GOLDEN" | wc -l) files for $(ls "$PROGRAMS"/*.py | wc -l) programs"
git status --short "$GOLDEN" | head -20
