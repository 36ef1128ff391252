#!/usr/bin/env bash
# Serves a release build with the shipped nginx config (deploy/nginx/) on 127.0.0.1:PORT, in the
# foreground, until SIGTERM or Ctrl-C, and leaves nothing running or behind.
#
#   scripts/serve-nginx.sh DIST PORT [PREFIX]
#
# PREFIX (e.g. /kulttuurikartta/) mounts the build under a sub-path, as on an existing municipal
# site; the build must then have been made with `--public-url PREFIX`. Installs Debian's nginx
# and its brotli module when they are missing. The server block is deploy/nginx/kulttuurikartta.conf
# itself, with only its `kk:` lines changed: listen address, document root and, for a PREFIX,
# the mount.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIST="$(cd "${1:?usage: serve-nginx.sh DIST PORT [PREFIX]}" && pwd)"
PORT="${2:?usage: serve-nginx.sh DIST PORT [PREFIX]}"
PREFIX="${3:-/}"
[[ "$PREFIX" == /* && "$PREFIX" == */ ]] || { echo "PREFIX must start and end with /: $PREFIX" >&2; exit 2; }

BROTLI_MODULE=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
if ! command -v nginx >/dev/null || [[ ! -f "$BROTLI_MODULE" ]]; then
  echo "==> installing Debian's nginx and libnginx-mod-http-brotli-static" >&2
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q nginx libnginx-mod-http-brotli-static >&2 \
    || { $SUDO apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q nginx libnginx-mod-http-brotli-static >&2; }
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/kk-nginx.XXXXXX")"
cleanup() {
  if [[ -f "$TMP/nginx.pid" ]]; then kill -QUIT "$(cat "$TMP/nginx.pid")" 2>/dev/null || true; fi
  wait 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 0' INT TERM

# The document root: the build itself at "/", or a folder holding it under the prefix's name.
if [[ "$PREFIX" == / ]]; then
  DOCROOT="$DIST"
else
  DOCROOT="$TMP/docroot"
  mkdir -p "$DOCROOT/$(dirname "${PREFIX%/}")"
  ln -s "$DIST" "$DOCROOT/${PREFIX%/}"
fi

# The shipped server block with its `kk:` lines adapted. Its includes are relative to nginx's
# configuration folder (/etc/nginx/ on Debian, here $TMP/), where kulttuurikartta.d/ is this
# checkout's deploy/nginx/.
ln -s "$ROOT/deploy/nginx" "$TMP/kulttuurikartta.d"
MOUNT=()
if [[ "$PREFIX" != / ]]; then
  MOUNT=(-e "s|^( *)(.*kk:mount-root)$|\1# \2|"
         -e "/kk:mount-sub$/ { s|^( *)# |\1|; s|/kulttuurikartta/|$PREFIX|g; s|/kulttuurikartta([ ;])|${PREFIX%/}\1|g; }")
fi
sed -E "${MOUNT[@]}" \
  -e "s|^( *)listen 80;.*kk:listen.*|\1listen 127.0.0.1:$PORT;|" \
  -e "s|^( *)root .*kk:root.*|\1root $DOCROOT;|" \
  "$ROOT/deploy/nginx/kulttuurikartta.conf" >"$TMP/site.conf"
grep -q "listen 127.0.0.1:$PORT;" "$TMP/site.conf" || { echo "serve-nginx.sh: the config's kk:listen line was not found" >&2; exit 1; }

USER_LINE=""; [[ $(id -u) -eq 0 ]] && USER_LINE="user root;"
cat >"$TMP/nginx.conf" <<CONF
$USER_LINE
load_module $BROTLI_MODULE;
worker_processes 1;
pid $TMP/nginx.pid;
error_log stderr warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $TMP/client_body;
    proxy_temp_path $TMP/proxy;
    fastcgi_temp_path $TMP/fastcgi;
    uwsgi_temp_path $TMP/uwsgi;
    scgi_temp_path $TMP/scgi;
    default_type application/octet-stream;
    sendfile on;
    include $TMP/site.conf;
}
CONF

"$NGINX" -p "$TMP" -c "$TMP/nginx.conf" -t -q
echo "==> nginx serving $DIST at http://127.0.0.1:$PORT$PREFIX (Ctrl-C stops)" >&2
"$NGINX" -p "$TMP" -c "$TMP/nginx.conf" -g 'daemon off;' &
wait $!
