# Sourced by the other scripts: the repository root and the project-local tools on PATH.
#   .tools/bin          wasm-pack and wasm-bindgen (cargo install --root .tools, by setup.sh)
#   node_modules/.bin   esbuild, playwright and binaryen's wasm-opt (npm ci, by setup.sh)
# Debian's own binaryen (108) builds a wasm that fails at start-up, so ours must come first.

PVM_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PVM_TOOLS="$PVM_ROOT/.tools"
export PVM_ROOT PVM_TOOLS

# A non-login shell (CI) may not have rustup's cargo on PATH yet.
case ":$PATH:" in
  *":$HOME/.cargo/bin:"*) ;;
  *) [ -d "$HOME/.cargo/bin" ] && PATH="$HOME/.cargo/bin:$PATH" ;;
esac
export PATH="$PVM_TOOLS/bin:$PVM_ROOT/node_modules/.bin:$PATH"

# Browsers come from Debian (apt); npm must never try to download Playwright's own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# Prints a step header so the log says what is run (and what is skipped, and why).
step() { printf '\n==> %s\n' "$*"; }
