#!/usr/bin/env bash
# Installs what is missing, then serves the app with the bundled sample feed on 127.0.0.1.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh"
cd "$ROOT"
port="${PORT:-8080}"
echo "==> Kulttuurikartta: http://127.0.0.1:$port/ (Ctrl-C stops)"
# One development build with every route (the tools feature): a release build splits the
# publishers' pages into tools.html (scripts/build.sh), which `trunk serve` cannot.
exec trunk serve --offline --features tools --port "$port" "$@"
