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
# The VM on CPython 3.12.1's bytecode is compared with CPython 3.12.1's own
# run of the same programs (3.12.1 places a few positions differently).
mkdir -p native_golden
cd programs
for f in *.py; do
    n=${f%.py}
    if [ -f "$n.in" ]; then input="$n.in"; else input=/dev/null; fi
    set +e
    "$PY" "$f" < "$input" > "../native_golden/$n.out" 2> "../native_golden/$n.err.tmp"
    echo $? > "../native_golden/$n.code"
    set -e
    sed "s#$(pwd)/##g" "../native_golden/$n.err.tmp" > "../native_golden/$n.err"
    rm "../native_golden/$n.err.tmp"
    [ -s "../native_golden/$n.err" ] || rm "../native_golden/$n.err"
done
