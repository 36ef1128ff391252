// Browser benchmark for the map at 1280×800: building the cluster index, and one pan or zoom
// frame (recompute visible clusters and update the DOM) with 1 000, 10 000 and 100 000 located
// events. Prints figures; asserts nothing about time.
//
//   cargo run --release --example feed_bench -- --write tests/artifacts/bench
//   node tests/bench/map.mjs
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, openPage, ROOT } from '../support/browser.mjs';
import { serveDist } from '../support/server.mjs';

const dir = join(ROOT, 'tests', 'artifacts', 'bench');
const browser = await launch();
console.log('map, wasm in headless Chromium at 1280×800 (median of runs, ms)');
console.log(`${'events'.padStart(8)} ${'index build'.padStart(12)} ${'pan frame'.padStart(10)} ${'zoom frame'.padStart(11)} ${'DOM items'.padStart(10)} ${'on map'.padStart(8)}`);
for (const n of [1000, 10000, 100000]) {
  const body = await readFile(join(dir, `feed-${n}.json`));
  const server = await serveDist(join(ROOT, 'dist'), { overrides: { '/sample-feed.json': { body } } });
  // The clock is set before the generated events so that all of them are upcoming and drawn
  // (the fake clock rounds performance.now() to whole milliseconds).
  const page = await openPage(browser, { viewport: 'desktop', now: new Date('2025-12-01T00:00:00Z') });
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="map"][data-zoom]', { timeout: 120_000 });
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
    for (let i = 0; i < 15; i++) pans.push(await frame(i % 2 ? 'ArrowLeft' : 'ArrowRight'));
    const zooms = [];
    for (let i = 0; i < 10; i++) zooms.push(await frame(i % 2 ? '-' : '+'));
    const items = [...map.querySelectorAll('[data-cluster-count], .marker')];
    const located = items.reduce((sum, el) => sum + Number(el.dataset.clusterCount ?? 1), 0);
    return { build: median(builds), pan: median(pans), zoom: median(zooms), items: items.length, located, stale };
  }, n);
  console.log(
    `${String(n).padStart(8)} ${result.build.toFixed(1).padStart(12)} ${result.pan.toFixed(1).padStart(10)} ${result.zoom.toFixed(1).padStart(11)} ${String(result.items).padStart(10)} ${String(result.located).padStart(8)}`,
  );
  if (result.stale) console.log(`  (${result.stale} frames had not updated the DOM when measured)`);
  await page.context().close();
  await server.close();
}
await browser.close();
