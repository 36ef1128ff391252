#!/usr/bin/env bash
# Installs what the project needs and is missing; skips what is present at the right version,
# so a second run takes seconds. `--browser` also installs what the browser tests need.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

say() { printf '==> %s\n' "$*"; }
has_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! has_version trunk "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (builds from source, several minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! has_version wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (the version in Cargo.lock)"
  # Without --locked: the CLI's own lock file names a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! grep -q "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml; then
  echo "Trunk.toml's [tools] wasm_bindgen differs from Cargo.lock's $WASM_BINDGEN_VERSION: update Trunk.toml" >&2
  exit 1
fi

if ! has_version wasm-opt "version ${BINARYEN_VERSION%%.*}"; then
  say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION) into .tools/"
  npm install --prefix .tools --no-save --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION"
fi

if [[ "${1:-}" == "--browser" ]]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  # The deployment test serves the builds with the shipped configs (deploy/): nginx with its
  # brotli module, and Caddy.
  if ! command -v nginx >/dev/null || [[ ! -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]] || ! command -v caddy >/dev/null; then
    say "installing Debian's nginx, libnginx-mod-http-brotli-static and caddy"
    SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx libnginx-mod-http-brotli-static caddy >/dev/null \
      || { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx libnginx-mod-http-brotli-static caddy >/dev/null; }
  fi
  # npm ci only when the lock file changed since the last install.
  stamp=tests/node_modules/.lock-stamp
  if [[ ! -f $stamp ]] || ! cmp -s tests/package-lock.json "$stamp"; then
    say "installing the browser-test packages (playwright-core; no browser download)"
    (cd tests && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    cp tests/package-lock.json "$stamp"
  fi
fi
say "tools ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version)"
