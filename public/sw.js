// Kulttuurikartta's service worker: the app starts without a network (a library kiosk whose
// connection dropped) and repeat visits are fast, without ever pinning an old version.
//
// - The app shell (index.html and the hashed JS, wasm and CSS it names) is cached per build:
//   the page registers `sw.js?v=<build>`, so a new build installs a new worker, which deletes
//   the previous build's shell cache when it takes over. Pages are fetched network-first, so an
//   online visitor always gets the newest index.html (and through it the newest build).
// - config.json and the boundaries file (the bundled municipality shapes, or config.json's
//   own): cached at install, then network first, cached copy when offline.
//   (The feeds' last good copies are kept by the app itself, in its own cache.)
// - Map tiles the app has shown: kept up to MAX_TILES, honouring the provider's Cache-Control
//   or Expires while online; served stale only when the network fails. Nothing is
//   pre-downloaded: OpenStreetMap's tile policy forbids bulk downloading.
'use strict';

const VERSION = new URL(self.location.href).searchParams.get('v') || 'dev';
const SHELL = `kk-shell-${VERSION}`;
const DATA = 'kk-data-v1';
const TILES = 'kk-tiles-v1';
const MAX_TILES = 3000;
const SCOPE = new URL(self.registration.scope);

// Assets index.html names: stylesheet, module script, wasm, icons, manifest.
function assetsOf(html) {
  const urls = new Set();
  const patterns = [/(?:href|src)="([^"#]+)"/g, /from '([^']+)'/g, /module_or_path: '([^']+)'/g];
  for (const re of patterns) {
    for (const m of html.matchAll(re)) {
      const url = new URL(m[1], SCOPE);
      if (url.origin === SCOPE.origin) urls.add(url.href);
    }
  }
  return [...urls];
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL);
      const index = await fetch(SCOPE.href, { cache: 'no-cache' });
      if (index.ok) {
        const html = await index.clone().text();
        await shell.put(SCOPE.href, index);
        await Promise.all(assetsOf(html).map((u) => shell.add(u).catch(() => {})));
      }
      const data = await caches.open(DATA);
      await data.add(new URL('config.json', SCOPE).href).catch(() => {});
      // The municipality shapes, so an offline kiosk draws its region from the first start.
      const boundaries = await boundariesUrl(data);
      if (boundaries) await data.add(boundaries).catch(() => {});
      await self.skipWaiting();
    })(),
  );
});

// config.json's boundaries_url (the bundled file unless it says otherwise; none when null),
// when it is on this origin.
async function boundariesUrl(data) {
  let name = 'municipality-boundaries.geojson';
  try {
    const config = await (await data.match(new URL('config.json', SCOPE).href)).json();
    if ('boundaries_url' in config) name = config.boundaries_url;
  } catch (e) {
    // No readable config: the app falls back to its defaults, and so does this.
  }
  if (typeof name !== 'string' || !name) return null;
  const url = new URL(name, SCOPE);
  return url.origin === SCOPE.origin ? url.href : null;
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('kk-shell-') && name !== SHELL) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

// Trunk's hashed names ("name-<hex>.js", "…_bg.wasm", "main-<hex>.css") never change content.
// Trunk writes the 64-bit hash without leading zeros, so one build in sixteen has 15 digits.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;
const TILE_PATH = /\/\d+\/\d+\/\d+(@2x)?\.(png|jpe?g|webp)$/;

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (req.mode === 'navigate') {
    event.respondWith(page(req));
  } else if (TILE_PATH.test(url.pathname)) {
    event.respondWith(tile(req));
  } else if (url.origin === SCOPE.origin && /\/(config\.json|[^/]*\.geojson)$/.test(url.pathname)) {
    event.respondWith(networkFirst(req, DATA));
  } else if (url.origin === SCOPE.origin && HASHED.test(url.pathname)) {
    event.respondWith(cacheFirst(req));
  } else if (url.origin === SCOPE.origin && /\.(js|wasm|css|svg|webmanifest)$/.test(url.pathname)) {
    // boot.js, icons, the manifest: same name in every build, so the network decides (and the
    // shell cache answers offline).
    event.respondWith(networkFirst(req, SHELL));
  }
  // Everything else (feeds, fetched by the app with its own fallback) goes to the network.
});

// The tools build's routes and page (kulttuurikartta_explore::tools_build; the web server sends
// these addresses to tools.html).
const TOOL_PAGE = /\/(stats|validate|embed-builder|tools\.html)\/?$/;

// Any route of the single-page app is index.html, or tools.html for the tools build's pages.
// Only a visited tools page is kept: installing the worker does not download the tools build.
async function page(req) {
  const shell = await caches.open(SHELL);
  const path = new URL(req.url).pathname.slice(SCOPE.pathname.length - 1);
  const key = TOOL_PAGE.test(path) ? new URL('tools.html', SCOPE).href : SCOPE.href;
  try {
    const res = await fetch(req);
    if (res.ok) await shell.put(key, res.clone());
    return res;
  } catch (e) {
    const cached = await shell.match(key);
    if (cached) return cached;
    throw e;
  }
}

async function networkFirst(req, cacheName) {
  const cache = await caches.open(cacheName);
  try {
    const res = await fetch(req);
    if (res.ok) await cache.put(req, res.clone());
    return res;
  } catch (e) {
    const cached = await cache.match(req, { ignoreSearch: false });
    if (cached) return cached;
    throw e;
  }
}

// Hashed build assets never change under the same name.
async function cacheFirst(req) {
  const shell = await caches.open(SHELL);
  const cached = await shell.match(req);
  if (cached) return cached;
  const res = await fetch(req);
  if (res.ok) await shell.put(req, res.clone());
  return res;
}

/** Seconds a tile may be reused without asking, from its caching headers (default a day). */
function freshFor(res) {
  const cc = res.headers.get('cache-control') || '';
  if (/no-store/i.test(cc)) return -1;
  const maxAge = cc.match(/max-age=(\d+)/i);
  if (maxAge) return Number(maxAge[1]);
  const expires = Date.parse(res.headers.get('expires') || '');
  if (!Number.isNaN(expires)) return Math.max(0, (expires - Date.now()) / 1000);
  return 86400;
}

let putsSinceTrim = 0;

async function tile(req) {
  const cache = await caches.open(TILES);
  const cached = await cache.match(req);
  if (cached) {
    const stored = Number(cached.headers.get('x-kk-stored') || 0);
    const fresh = Number(cached.headers.get('x-kk-fresh') || 0);
    if ((Date.now() - stored) / 1000 < fresh) return cached;
  }
  try {
    const res = await fetch(req);
    const fresh = freshFor(res);
    // Opaque responses (no CORS) cannot show their headers or status: not kept.
    if (res.ok && res.type !== 'opaque' && fresh >= 0) {
      const headers = new Headers(res.headers);
      headers.set('x-kk-stored', String(Date.now()));
      headers.set('x-kk-fresh', String(fresh));
      const body = await res.clone().blob();
      await cache.put(req, new Response(body, { status: res.status, statusText: res.statusText, headers }));
      if (++putsSinceTrim >= 50) {
        putsSinceTrim = 0;
        await trim(cache);
      }
    }
    return res;
  } catch (e) {
    // Offline: an old tile beats a grey square.
    if (cached) return cached;
    throw e;
  }
}

// Oldest first: keys() lists entries in insertion order.
async function trim(cache) {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_TILES))) await cache.delete(key);
}
