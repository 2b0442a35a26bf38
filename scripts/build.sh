#!/usr/bin/env bash
# Builds what the page loads: pkg/ (the release wasm core, by wasm-pack) and www/vendor/
# (the front end's esbuild bundle). Assumes scripts/setup.sh has run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PVM_ROOT"

# --mode no-install: wasm-pack must use our wasm-bindgen and binaryen's wasm-opt from PATH and
# never download its own (no network for that; Debian's wasm-opt 108 breaks the wasm).
step "wasm-pack build --target web --profile wasm-release --out-dir pkg"
echo "wasm-bindgen: $(command -v wasm-bindgen) ($(wasm-bindgen --version))"
echo "wasm-opt:     $(command -v wasm-opt || echo 'not found') ($(wasm-opt --version 2>/dev/null || true))"
case "$(command -v wasm-opt || true)" in
  "$PVM_ROOT/node_modules/.bin/"*) ;;
  *) echo "error: wasm-opt must be npm binaryen's (node_modules/.bin); run scripts/setup.sh" >&2
     exit 1 ;;
esac
# wasm-release (Cargo.toml): the release profile optimised for size; the CLI keeps opt-level 3.
wasm-pack build --mode no-install --target web --profile wasm-release --out-dir pkg
ls -l pkg/*.wasm

step "npm run build:web"
npm run build:web
