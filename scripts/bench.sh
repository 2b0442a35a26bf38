#!/usr/bin/env bash
# The benchmarks (README "Benchmarks"): builds the release CLI and the page, then runs
# bench/*.py natively (pvm vs CPython 3.12) and in headless Chromium (our wasm vs Pyodide
# 0.27.8), measures the page's size and start-up and the time travel, and writes BENCHMARKS.md.
#   bash scripts/bench.sh            # everything (rebuilds what changed)
#   BENCH_SKIP_BUILD=1 bash scripts/bench.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PVM_ROOT"

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  bash scripts/setup.sh
  step "cargo build --release"
  cargo build --release
  bash scripts/build.sh
fi

step "time travel (native): cargo bench --bench time_travel"
cargo bench --bench time_travel 2>/dev/null | grep '^{' > target/time-travel.json
cat target/time-travel.json

step "node scripts/bench.mjs"
node scripts/bench.mjs "$@"
