#!/usr/bin/env bash
# Regenerates tests/modules/golden/ from tests/modules/*.py with the oracle (CPython 3.12.7),
# exactly as scripts/regen-goldens.sh does for tests/programs. tests/modules.rs compares
# run output and traces, not dis, so the .dis files are not kept.
#
#   bash scripts/regen-module-goldens.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PROGRAMS=tests/modules GOLDEN=tests/modules/golden bash scripts/regen-goldens.sh
rm -f tests/modules/golden/*.dis
