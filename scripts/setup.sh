#!/usr/bin/env bash
# Installs everything the build and the tests need, from a clean clone, without questions.
# Idempotent: every step checks first and is skipped when already done, so a second run takes
# seconds. Tools go into the project-local .tools/ (gitignored), never into the system, except
# Debian's chromium for the browser tests.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PVM_ROOT"

WASM_PACK_VERSION=0.15.1
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock, so read it from there.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

# --- Rust: the toolchain pinned by rust-toolchain.toml, with the wasm target ----------------
toolchain=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
step "rust $toolchain + wasm32-unknown-unknown"
if ! rustup toolchain list | grep -q "^$toolchain"; then
  rustup toolchain install "$toolchain" --profile minimal
fi
if rustup target list --installed --toolchain "$toolchain" | grep -qx wasm32-unknown-unknown; then
  echo "already installed"
else
  rustup target add --toolchain "$toolchain" wasm32-unknown-unknown
fi

# --- wasm-pack and wasm-bindgen-cli into .tools/ ---------------------------------------------
# cargo_tool BINARY CRATE VERSION [cargo install flags...]
cargo_tool() {
  local bin=$1 crate=$2 version=$3; shift 3
  step "$crate $version"
  if [ -x "$PVM_TOOLS/bin/$bin" ] && "$PVM_TOOLS/bin/$bin" --version | grep -qw "$version"; then
    echo "already installed: $("$PVM_TOOLS/bin/$bin" --version)"
  else
    cargo install "$crate" --version "$version" --root "$PVM_TOOLS" --force "$@"
  fi
}
cargo_tool wasm-pack wasm-pack "$WASM_PACK_VERSION" --locked
# Not --locked: one of its locked dependencies is missing from the registry mirror.
cargo_tool wasm-bindgen wasm-bindgen-cli "$WASM_BINDGEN_VERSION"

# --- npm packages (esbuild, CodeMirror, Playwright, binaryen's wasm-opt) ---------------------
step "npm ci"
# npm ci always wipes node_modules; skip it while the lock file is the one last installed.
stamp=node_modules/.pvm-lock.sha256
if [ -f "$stamp" ] && sha256sum --status -c "$stamp" 2>/dev/null; then
  echo "already installed for this package-lock.json"
else
  npm ci --no-audit --no-fund
  sha256sum package-lock.json > "$stamp"
fi

# --- Debian chromium + chromedriver for the browser tests ------------------------------------
step "chromium + chromedriver"
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  echo "already installed: $(chromium --version 2>/dev/null || echo chromium)"
else
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update
  $sudo apt-get install -y chromium chromium-driver
fi

step "tools on PATH"
for tool in cargo wasm-pack wasm-bindgen wasm-opt chromium; do
  printf '%-13s %s\n' "$tool" "$(command -v "$tool" || echo 'not found')"
done
