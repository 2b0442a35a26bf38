#!/bin/sh
# Regenerates the VM's goldens from the oracle (CPython 3.12.7) and the
# CPython-compiled code objects from native python3.12.
set -e
cd "$(dirname "$0")"
ORACLE=${ORACLE:-/work/oracle/oracle.mjs}
PY=${PYTHON:-python3.12}
node "$ORACLE" --batch programs golden --jobs 2
node "$ORACLE" --batch ../dis dis_golden --jobs 2
rm -f golden/*.dis dis_golden/*.dis
for f in programs/*.py; do "$PY" dump_code.py "$f" > "${f%.py}.code.json"; done
