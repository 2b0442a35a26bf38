#!/usr/bin/env bash
# Regenerates the goldens of tests/robust_*.rs. Goldens are data: never edit one by hand;
# change tests/robust/make_inputs.py or a program and rerun this.
#
#   bash scripts/regen-robust-goldens.sh
#
# tests/robust/programs/ -> tests/robust/golden/ with the oracle (CPython 3.12.7 in Pyodide;
#   ORACLE_DIR=DIR to use another installed copy).
# tests/robust/native/   -> tests/robust/native_golden/ with native CPython 3.12 (PYTHON=...),
#   for what the oracle cannot show: it compiles bytes (so NUL bytes and invalid UTF-8 are
#   worded differently from `python3.12 FILE`) and is 32-bit (`[0] * 10**10` is an
#   OverflowError there, a MemoryError on 64-bit CPython). Run under a 4 GB address-space
#   limit so huge allocations fail the same way on every machine.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PVM_ROOT"
ORACLE_DIR=${ORACLE_DIR:-/work/oracle}
PYTHON=${PYTHON:-/root/.pyenv/versions/3.12.1/bin/python3.12}
"$PYTHON" -c 'import sys; assert sys.version_info[:2] == (3, 12) and sys.maxsize > 2**32' ||
  { echo "error: PYTHON=$PYTHON is not a 64-bit CPython 3.12" >&2; exit 1; }

python3 tests/robust/make_inputs.py

step "oracle: tests/robust/programs -> tests/robust/golden"
fresh=$(mktemp -d "$PVM_ROOT/tests/robust/.golden-new.XXXX")
trap 'rm -rf "$fresh"' EXIT
node "$ORACLE_DIR/oracle.mjs" --batch tests/robust/programs "$fresh" --no-trace --jobs 2

# A loaded machine can push the oracle past its 10 s limit on the biggest programs: refuse
# such goldens rather than commit a timeout as CPython's behaviour.
if grep -l "^\[oracle\] TIMEOUT" "$fresh"/*.err 2>/dev/null; then
  echo "error: the oracle timed out on the programs above; rerun on a quieter machine" >&2
  exit 1
fi
rm -rf tests/robust/golden
mv "$fresh" tests/robust/golden
chmod 755 tests/robust/golden

step "$PYTHON: tests/robust/native -> tests/robust/native_golden"
rm -rf tests/robust/native_golden
mkdir -p tests/robust/native_golden
(
  cd tests/robust/native
  ulimit -v 4000000
  for py in *.py; do
    name=${py%.py}
    set +e
    "$PYTHON" "$py" </dev/null >"../native_golden/$name.out" 2>"../native_golden/$name.err.raw"
    echo $? >"../native_golden/$name.code"
    set -e
    # CPython names the script by its absolute path; the tests compare file names.
    sed "s#$PWD/##g" "../native_golden/$name.err.raw" >"../native_golden/$name.err"
    rm "../native_golden/$name.err.raw"
    [ -s "../native_golden/$name.err" ] || rm "../native_golden/$name.err"
  done
)
# The oracle gives no dis text for the two largest programs (its output limit), and native
# CPython's (3.12.1 and 3.12.7 compile these alike: no f-strings) is 5 and 13 MB: the golden
# is its length and 64-bit FNV-1a hash, code object addresses written as 0x....
for name in long_function big_1mb; do
  (cd tests/robust/programs && "$PYTHON" -m dis "$name.py") | "$PYTHON" -c '
import re, sys
text = re.sub(r" at 0x[0-9a-f]+", " at 0x...", sys.stdin.read()).encode()
h = 0xcbf29ce484222325
for b in text:
    h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
print(f"{len(text)} {h:016x}")' >"tests/robust/native_golden/$name.dis.fnv"
done
echo "tests/robust: $(ls tests/robust/golden | wc -l) oracle and $(ls tests/robust/native_golden | wc -l) native golden files"
