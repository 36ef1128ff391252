#!/usr/bin/env bash
# Benchmarks (figures, not pass/fail): feed parsing natively and in headless Chromium.
# Needs the release build in dist/ (scripts/test.sh makes it; or scripts/build.sh dist).
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh" --browser
cd "$ROOT"
[[ -f dist/tools.html ]] || scripts/build.sh dist
cargo run --quiet --release --locked --example feed_bench -- --write tests/artifacts/bench
echo
cargo run --quiet --release --locked -p kulttuurikartta-geo --example cluster_bench
echo
node tests/bench/feed-parse.mjs
echo
node tests/bench/map.mjs
echo
node tests/bench/timeline.mjs
echo
node tests/bench/stats.mjs
