// Starts the app: imports wasm-bindgen's glue module and instantiates the wasm, both named by the
// `<script data-kk-glue data-kk-wasm>` tag that Trunk writes into index.html (Trunk.toml's
// `pattern_script`).
//
// Why a file and not Trunk's default inline `<script type="module">`: the inline loader names the
// hashed file names, so its hash changes with every build, and a strict Content Security Policy
// would have to list that hash. A web server config that must be edited on every deploy drifts
// from the build sooner or later, and then the app is a blank page. As a same-origin file this
// loader is allowed by a fixed `script-src 'self' 'wasm-unsafe-eval'` (docs/deploy.md).
const tag = document.querySelector('script[data-kk-glue]');
const bindings = await import(tag.dataset.kkGlue);
const wasm = await bindings.default({ module_or_path: tag.dataset.kkWasm });
// The benchmarks and the kiosk's panic test call the app's exports through these two.
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
