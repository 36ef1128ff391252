#!/usr/bin/env bash
# Installs what is missing, then runs every check: formatting, clippy (native and wasm32),
# native unit tests, release builds with Trunk (root and sub-path; each is the explorer and the
# tools build, scripts/build.sh), the browser tests and the deployment test (both builds behind real nginx with the shipped config and its strict CSP).
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh" --browser
cd "$ROOT"

say() { printf '\n==> %s\n' "$*"; }
say "cargo fmt --check";                 cargo fmt --all -- --check
say "module import cycles";             python3 scripts/check-module-cycles.py
say "clippy (native)";                   cargo clippy --workspace --all-targets --locked -- -D warnings
say "clippy (wasm32)";                   cargo clippy --workspace --target wasm32-unknown-unknown --locked -- -D warnings
say "clippy (wasm32, tools build)";      cargo clippy --workspace --target wasm32-unknown-unknown --locked --features kulttuurikartta/tools -- -D warnings
say "unit tests (native)";               cargo test --workspace --locked
say "release build at /";                scripts/build.sh dist
say "release build at /kulttuurikartta/"; scripts/build.sh dist-subpath --public-url /kulttuurikartta/
say "size report";                       scripts/size-report.sh dist
say "browser tests (headless Chromium)"
node --test --test-concurrency=1 --test-timeout=300000 --test-force-exit tests/schema/ tests/browser/ tests/deploy/
