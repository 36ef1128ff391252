// Starts the app: imports wasm-bindgen's glue module and instantiates the wasm, both named by the
// `<script data-kk-glue data-kk-wasm>` tag that Trunk writes into index.html (Trunk.toml's
// `pattern_script`).
//
// Why a file and not Trunk's default inline `<script type="module">`: the inline loader names the
// hashed file names, so its hash changes with every build, and a strict Content Security Policy
// would have to list that hash. A web server config that must be edited on every deploy drifts
// from the build sooner or later, and then the app is a blank page. As a same-origin file this
// loader is allowed by a fixed `script-src 'self' 'wasm-unsafe-eval'` (docs/deploy.md).
//
// It also starts the data fetches at once, while the wasm downloads and compiles: config.json,
// then the feeds. The app takes each response from `window.__kkPrefetch` the first time it asks
// for that URL (crates/app/src/load/fetch.rs), and fetches again itself when a prefetch failed.
// With `feed` URL parameters only the relative ones are prefetched: they are on the app's own
// origin, which the app always allows; an absolute one waits for the app's origin check.
const prefetch = {};
const get = (url) =>
  fetch(url).then(async (r) => ({
    status: r.status,
    ok: r.ok,
    type: r.headers.get('content-type') ?? '',
    body: new Uint8Array(await r.arrayBuffer()),
  }));
const add = (url) => {
  if (typeof url === 'string' && !(url in prefetch)) prefetch[url] = get(url);
  prefetch[url]?.catch(() => {}); // one nobody takes is not an unhandled rejection
};
const relative = (u) => !u.includes('://') && !u.startsWith('//') && !/^[^/?#]*:/.test(u) && !u.includes('\\');
const wanted = new URLSearchParams(location.search).getAll('feed').map((v) => v.trim()).filter(Boolean);
add('config.json');
if (wanted.length > 0) {
  wanted.filter(relative).forEach(add);
} else {
  // One reaction, registered before the app's: the feeds are in the map before it can ask.
  prefetch['config.json'].then((c) => {
    let feeds = ['sample-feed.json'];
    try {
      if (c.ok) feeds = JSON.parse(new TextDecoder().decode(c.body)).feeds ?? feeds;
    } catch {
      return; // the app reports a broken config.json
    }
    if (Array.isArray(feeds)) feeds.forEach(add);
  }, () => {});
}
window.__kkPrefetch = prefetch;

const tag = document.querySelector('script[data-kk-glue]');
const bindings = await import(tag.dataset.kkGlue);
const wasm = await bindings.default({ module_or_path: tag.dataset.kkWasm });
// The benchmarks and the kiosk's panic test call the app's exports through these two.
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
