#!/usr/bin/env bash
# A release build of the whole site into DIST: the explorer (index.html, the default build) and
# the tools build (tools.html, `--features tools`: every route, with /stats, /validate and
# /embed-builder). Trunk 0.21 cannot split one wasm, so the publishers' pages are a second build
# and a visitor of the map never downloads them (crates/app/Cargo.toml says more).
#
#   scripts/build.sh DIST [trunk build options, e.g. --public-url /kulttuurikartta/]
#
# Trunk replaces its dist folder on every build, so the tools build goes to a folder of its own
# and its page and hashed files are moved next to the explorer's. Both builds share the
# stylesheet, boot.js and the public files, which are the same in each.
set -euo pipefail
source "$(dirname "$0")/env.sh"
dist="$(realpath -m "${1:?usage: scripts/build.sh DIST [trunk build options]}")"
shift
cd "$ROOT"
tools="$dist.tools-build"
trunk build --release --offline --locked --dist "$dist" "$@"
trunk build --release --offline --locked --dist "$tools" --features tools --html-output tools.html "$@"
for f in "$tools"/tools.html* "$tools"/*.js* "$tools"/*.wasm*; do
  [[ -e "$dist/$(basename "$f")" ]] || mv "$f" "$dist/"
done
rm -rf "$tools"
echo "==> $dist: index.html (explorer) and tools.html (stats, validator, embed builder)"
