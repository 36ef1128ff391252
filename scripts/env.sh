# Sourced by the other scripts: pinned tool versions and the PATH that finds them.
# wasm-bindgen's version is not pinned here: it must equal Cargo.lock's, so it is read from there.
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
export PATH="$ROOT/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Trunk uses exactly these versions, found on PATH; --offline makes a missing one an error
# instead of a download.
export TRUNK_TOOLS_WASM_BINDGEN="$WASM_BINDGEN_VERSION"
export TRUNK_TOOLS_WASM_OPT="version_${BINARYEN_VERSION%%.*}"
