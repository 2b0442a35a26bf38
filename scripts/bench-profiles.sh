#!/usr/bin/env bash
# What the wasm's optimisation level trades: builds the page's wasm at several opt-levels
# (the wasm-release profile overridden through CARGO_PROFILE_WASM_RELEASE_OPT_LEVEL; wasm-opt
# -Oz as shipped), and prints a markdown table of gzipped size and run-mode times in node
# (bench/quick.mjs). The page ships opt-level "z" (Cargo.toml) for the size budget.
#   bash scripts/bench-profiles.sh [LEVEL ...]     # default: z s 2 3
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PVM_ROOT"

levels=("$@")
[ ${#levels[@]} -gt 0 ] || levels=(z s 2 3)
programs=$(cd bench && ls *.py | grep -v '^timetravel.py$' | sort)

header="| opt-level | wasm gzip -9 |"; rule="|---|---:|"
for p in $programs; do header+=" ${p%.py} |"; rule+="---:|"; done
rows=()
for level in "${levels[@]}"; do
  out="target/profiles/pkg-$level"
  step "wasm-pack build at opt-level $level -> $out"
  CARGO_PROFILE_WASM_RELEASE_OPT_LEVEL=$level \
    wasm-pack build --mode no-install --target web --profile wasm-release --out-dir "$out" >/dev/null 2>&1
  size=$(gzip -9c "$out/pvm_bg.wasm" | wc -c)
  row="| $level | $size B |"
  while IFS=$'\t' read -r _ ms; do row+=" $ms |"; done < <(node bench/quick.mjs "$out" $programs)
  rows+=("$row")
done

echo
echo "Run mode in node $(node --version), ms (best of 3; compile + run); $(nproc) CPUs, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "$header"
echo "$rule"
printf '%s\n' "${rows[@]}"
