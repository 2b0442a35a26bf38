#!/bin/sh
# Regenerates the compiler's goldens from the oracle (CPython 3.12.7):
#   tests/dis/golden/NAME.dis             `python -m dis` of tests/dis/NAME.py
#   tests/compile_errors/golden/NAME.err  the SyntaxError of tests/compile_errors/NAME.py
# Never edit goldens by hand.
set -e
cd "$(dirname "$0")/.."
ORACLE=${ORACLE:-/work/oracle/oracle.mjs}
node "$ORACLE" --batch tests/dis tests/dis/golden --no-trace --jobs 2
rm -f tests/dis/golden/*.out tests/dis/golden/*.err tests/dis/golden/*.code
node "$ORACLE" --batch tests/compile_errors tests/compile_errors/golden --no-trace --jobs 2
rm -f tests/compile_errors/golden/*.out tests/compile_errors/golden/*.code tests/compile_errors/golden/*.dis
# Every code object's attributes (positions, stack size, flags, ...) as JSON.
python3 scripts/codeinfo-driver.py tests/dis > /tmp/pvm-codeinfo-driver.py
node "$ORACLE" /tmp/pvm-codeinfo-driver.py --run > tests/dis/golden/codeinfo.json
# The SyntaxWarnings compilation prints (the programs run cleanly otherwise).
node "$ORACLE" --batch tests/compile_warnings tests/compile_warnings/golden --no-trace --jobs 2
rm -f tests/compile_warnings/golden/*.out tests/compile_warnings/golden/*.code tests/compile_warnings/golden/*.dis
# repr() of floats, for runtime::repr::float_repr.
node "$ORACLE" scripts/repr-floats.py --run > tests/repr/floats.txt
