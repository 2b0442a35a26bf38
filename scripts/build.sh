#!/usr/bin/env bash
# Builds what the page loads: pkg/ (the release wasm core, by wasm-pack) and www/vendor/
# (the front end's esbuild bundle). Assumes scripts/setup.sh has run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PVM_ROOT"

# --mode no-install: wasm-pack must use our wasm-bindgen and binaryen's wasm-opt from PATH and
# never download its own (no network for that; Debian's wasm-opt 108 breaks the wasm).
step "wasm-pack build --target web --profile wasm-release --out-dir pkg"
if [ ! -f src/wasm.rs ]; then
  echo "skipped: there is no src/wasm.rs yet (no WebAssembly surface to build)"
else
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
fi

step "npm run build:web"
if [ -f package.json ] && grep -q '"build:web"' package.json; then
  npm run build:web
else
  echo "skipped: package.json has no build:web script yet (the front end has not been added)"
fi
