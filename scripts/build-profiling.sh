#!/usr/bin/env bash
# A release build of the explorer for profiling: the same code and optimisation as the real
# build, with function names kept (the name section) and mangled as v0, so that a name says
# whose generic code runs ("<kulttuurikartta::components::map::markers::{closure#0} as
# tachys::view::Render>::build" rather than "tachys::...::build"). tests/bench/parts.mjs needs
# it. Its own target folder: the flags would otherwise rebuild everything in target/.
#
#   scripts/build-profiling.sh target/dist-profiling
set -euo pipefail
source "$(dirname "$0")/env.sh"
dist="$(realpath -m "${1:?usage: scripts/build-profiling.sh DIST}")"
cd "$ROOT"
# Trunk reads the link's attributes from the page: keep debug names through wasm-bindgen and
# tell wasm-opt to keep them (-g). A copy of index.html beside it, so that paths resolve alike.
page="$ROOT/index-profiling.html"
trap 'rm -f "$page"' EXIT
sed 's/data-trunk rel="rust" /data-trunk rel="rust" data-keep-debug data-wasm-opt-params="-g" /' index.html > "$page"
grep -q 'data-wasm-opt-params="-g"' "$page" || { echo "build-profiling.sh: the rust link in index.html changed" >&2; exit 1; }
RUSTFLAGS="-C symbol-mangling-version=v0" CARGO_PROFILE_RELEASE_STRIP=none \
  CARGO_TARGET_DIR="$ROOT/target/profiling" \
  trunk build --release --offline --locked --dist "$dist" "$page"
echo "==> $dist: the explorer with function names, for tests/bench/parts.mjs"
