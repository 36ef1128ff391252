// Browser benchmark for the map at 1280×800: building the cluster index, one pan or zoom
// frame (recompute visible clusters and update the DOM), and a filter change that removes or
// restores half of the events ("free only": half of the generated events are free), with
// 1 000, 10 000 and 100 000 located events. Prints figures; asserts nothing about time.
//
// The filter change is given twice: the map's share (from the map re-counting its clusters,
// `kk:map:select`, to its markers being redrawn, `kk:map:drawn`) and the whole explorer (the
// click until filters, list, map and timeline have all been updated and laid out).
//
//   cargo run --release --example feed_bench -- --write tests/artifacts/bench
//   node tests/bench/map.mjs
import { launch } from '../support/browser.mjs';
import { openOnGeneratedFeed, showFreeOnly } from '../support/bench.mjs';

const browser = await launch();
console.log('map, wasm in headless Chromium at 1280×800 (median of runs, ms)');
const cols = ['events', 'index build', 'pan frame', 'zoom frame', 'filter: map', 'filter: all', 'DOM items', 'on map'];
console.log(cols.map((c, i) => c.padStart(i ? 13 : 8)).join(''));
for (const n of [1000, 10000, 100000]) {
  const { page, server } = await openOnGeneratedFeed(browser, n);
  await page.waitForSelector('[data-testid="map"][data-zoom]', { timeout: 120_000 });
  await showFreeOnly(page);
  const result = await page.evaluate(async (n) => {
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    // Index build on the same number of points, spread like the feed's venues.
    const pts = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) {
      pts[2 * i] = 63.6 + ((i * 7919) % 2900) / 1000;
      pts[2 * i + 1] = 23.6 + ((i * 104729) % 6500) / 1000;
    }
    const builds = [];
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      window.wasmBindings.benchmark_cluster_index(pts);
      builds.push(performance.now() - t);
    }
    // A frame: the key handler updates the view; DOM updates run in microtasks; reading
    // offsetHeight forces style and layout, as the browser would before painting.
    const map = document.querySelector('[data-testid="map"]');
    map.focus();
    let stale = 0;
    const frame = async (key) => {
      const before = map.dataset.center + map.dataset.zoom;
      const t = performance.now();
      map.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      await Promise.resolve();
      await Promise.resolve();
      void map.offsetHeight;
      const dt = performance.now() - t;
      if (map.dataset.center + map.dataset.zoom === before) stale++; // the DOM had not updated yet
      return dt;
    };
    const pans = [];
    for (let i = 0; i < 30; i++) pans.push(await frame(i % 2 ? 'ArrowLeft' : 'ArrowRight'));
    const zooms = [];
    for (let i = 0; i < 30; i++) zooms.push(await frame(i % 2 ? '-' : '+'));
    // A filter change: "free only" on and off, each removing or restoring half of the events.
    // Leptos runs its updates in microtasks; a message-channel task comes after all of them.
    const nextTask = () => new Promise((ok) => {
      const c = new MessageChannel();
      c.port1.onmessage = ok;
      c.port2.postMessage(0);
    });
    const count = () => document.querySelector('[data-testid="result-count"]').dataset.count;
    const free = document.querySelector('input[name="free"]');
    const mapShare = [];
    const whole = [];
    for (let i = 0; i < 6; i++) {
      const before = count();
      performance.clearMarks();
      const t = performance.now();
      free.click();
      for (let k = 0; k < 2000 && count() === before; k++) await Promise.resolve();
      await nextTask();
      void map.offsetHeight;
      whole.push(performance.now() - t);
      const start = performance.getEntriesByName('kk:map:select')[0];
      const drawn = performance.getEntriesByName('kk:map:drawn').at(-1);
      mapShare.push(start && drawn ? drawn.startTime - start.startTime : NaN);
    }
    const items = [...map.querySelectorAll('[data-cluster-count], .marker')];
    const located = items.reduce((sum, el) => sum + Number(el.dataset.clusterCount ?? 1), 0);
    return { build: median(builds), pan: median(pans), zoom: median(zooms), filterMap: median(mapShare), filterAll: median(whole), items: items.length, located, stale };
  }, n);
  const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a').padStart(13);
  console.log(
    `${String(n).padStart(8)}${f(result.build)}${f(result.pan)}${f(result.zoom)}${f(result.filterMap)}${f(result.filterAll)}${String(result.items).padStart(13)}${String(result.located).padStart(13)}`,
  );
  if (result.stale) console.log(`  (${result.stale} frames had not updated the DOM when measured)`);
  await page.context().close();
  await server.close();
}
await browser.close();
