#!/usr/bin/env bash
# README command 2 (and what CI runs): install what is missing, run every Rust test (unit tests
# and the end-to-end conformance suite against CPython goldens), build the page, and run the
# browser tests in Debian's chromium. Every runner runs even if an earlier one failed; the exit
# status is non-zero if any failed, and the log ends with each runner's summary lines.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PVM_ROOT"

bash scripts/setup.sh

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
failed=()

step "cargo test --no-fail-fast"
cargo test --no-fail-fast 2>&1 | tee "$logs/cargo" || failed+=("cargo test")

# Run mode checks the step budget one way natively and another way in the page's wasm
# (src/vm/run_loop.rs `BUDGET_AT_EVERY_INSTRUCTION`); this checks the wasm's way natively.
step "cargo test --features budget-at-every-instruction --test robust_limits"
cargo test --features budget-at-every-instruction --test robust_limits 2>&1 | tee -a "$logs/cargo" \
  || failed+=("cargo test (the wasm's budget check)")

{ step "fuzz (bounded: 120 s)" && cargo run -q --profile fuzz --bin fuzz -- --seconds 120 2>&1 | tee "$logs/fuzz"; } || failed+=("fuzz")

step "build"
bash scripts/build.sh || failed+=("build")

step "npm run test:browser"
if [[ " ${failed[*]} " == *" build "* ]]; then
  echo "skipped: the build failed, the page cannot be tested" | tee "$logs/browser"
  failed+=("npm run test:browser")
else
  npm run test:browser 2>&1 | tee "$logs/browser" || failed+=("npm run test:browser")
fi

step "summary"
# Each test binary's name ("Running ...", "Doc-tests ...") and its "test result:" line.
grep -E '^ *(Running|Doc-tests) |^test result: |^error' "$logs/cargo" || true
# Playwright's closing counts ("5 passed (3.1s)", "1 failed", ...), or why it was skipped.
grep -E '^ *[0-9]+ (passed|failed|flaky|skipped|did not run)|^skipped' "$logs/browser" || true
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}" >&2
  exit 1
fi
