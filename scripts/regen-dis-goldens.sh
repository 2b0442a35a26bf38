#!/bin/sh
# Regenerates tests/dis/golden/*.dis from the oracle (CPython 3.12.7):
# the `python -m dis` listing of every tests/dis/*.py. Never edit goldens by hand.
set -e
cd "$(dirname "$0")/.."
ORACLE=${ORACLE:-/work/oracle/oracle.mjs}
mkdir -p tests/dis/golden
node "$ORACLE" --batch tests/dis tests/dis/golden --no-trace --jobs 2
# Only the listings are goldens of this suite.
rm -f tests/dis/golden/*.out tests/dis/golden/*.err tests/dis/golden/*.code
