#!/usr/bin/env bash
# Regenerates tests/opcodes/opcode_facts.golden with the oracle (CPython 3.12.7).
set -euo pipefail
cd "$(dirname "$0")/.."
oracle="${ORACLE:-../shared/oracle/oracle.mjs}"
node "$oracle" tests/opcodes/opcode_facts.py --run > tests/opcodes/opcode_facts.golden
