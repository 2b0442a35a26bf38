#!/usr/bin/env bash
# README command 1: install what is missing, build the page, and serve it on localhost.
# Usage: bash scripts/serve.sh [port]   (default 8000, or $PORT)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PVM_ROOT"

bash scripts/setup.sh
bash scripts/build.sh

step "serving $PVM_ROOT"
exec node scripts/serve.mjs "$@"
