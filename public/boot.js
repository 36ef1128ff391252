// Starts the app: imports wasm-bindgen's glue module and instantiates the wasm, both named by the
// `<script data-kk-glue data-kk-wasm>` tag that Trunk writes into index.html (Trunk.toml's
// `pattern_script`).
//
// Why a file and not Trunk's default inline `<script type="module">`: the inline loader names the
// hashed file names, so its hash changes with every build, and a strict Content Security Policy
// would have to list that hash. A web server config that must be edited on every deploy drifts
// from the build sooner or later, and then the app is a blank page. As a same-origin file this
// loader is allowed by a fixed `script-src 'self' 'wasm-unsafe-eval'` (docs/deploy.md).

// First, the data: the feeds and the boundary file are requested now, while the wasm downloads
// and compiles, instead of after it. These are only preload hints: the app's own requests (the
// same URLs, the same CORS mode) take the responses, and it still decides alone what to load and
// whether to trust it. A `feed=` parameter is preloaded only on this origin; the app checks any
// other against config.json's allowed origins before requesting it.
//
// config.json is read here, from index.html's preload, and handed to the app as
// `window.__kkConfig` (a promise of its bytes, or null when it failed): the app would otherwise
// request it only after the wasm has started, a round trip on the way to its first screen. On
// null the app fetches it itself, with its timeouts, retries and last good copy; a stalled read
// is given up after 10 s for the same.
function preload(href) {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = 'anonymous';
  link.href = href;
  document.head.append(link);
}
function onThisOrigin(href) {
  try {
    return new URL(href, document.baseURI).origin === location.origin;
  } catch {
    return false;
  }
}
const feedParams = new URLSearchParams(location.search).getAll('feed');
feedParams.filter(onThisOrigin).forEach(preload);
const configBytes = fetch('config.json')
  .then((r) => (r.ok ? r.arrayBuffer() : null))
  .catch(() => null);
window.__kkConfig = Promise.race([configBytes, new Promise((ok) => setTimeout(() => ok(null), 10_000))]);
configBytes
  .then((bytes) => {
    if (!bytes) return;
    const config = JSON.parse(new TextDecoder().decode(bytes));
    if (!feedParams.length && Array.isArray(config.feeds)) {
      config.feeds.filter((f) => typeof f === 'string').forEach(preload);
    }
    const boundaries = 'boundaries_url' in config ? config.boundaries_url : 'municipality-boundaries.geojson';
    if (typeof boundaries === 'string' && boundaries) preload(boundaries);
  })
  .catch(() => {});

const tag = document.querySelector('script[data-kk-glue]');
const bindings = await import(tag.dataset.kkGlue);
const wasm = await bindings.default({ module_or_path: tag.dataset.kkWasm });
// The benchmarks and the kiosk's panic test call the app's exports through these two.
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
