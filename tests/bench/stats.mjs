// Browser benchmark for `/stats` (figures, no assertions about time): a full recount after a
// filter change (the explorer's evaluation, the statistics count and the three tables) inside
// the release wasm, and the whole page's update after a filter click (tables, chart and map
// redrawn), at 1 000, 10 000 and 100 000 events over 18 months. Target: recount under 50 ms
// at 100 000 events.
//
//   cargo run --release --example feed_bench -- --write tests/artifacts/bench
//   node tests/bench/stats.mjs
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { showFreeOnly } from '../support/bench.mjs';
import { launch, openPage, ROOT } from '../support/browser.mjs';
import { serveDist } from '../support/server.mjs';

const WINDOW = { from: '2026-01-01', to: '2027-12-31' };
const browser = await launch();
console.log('statistics recount after a filter change, wasm in headless Chromium at 1280×800 (median, ms)');
const cols = ['events', 'counted', 'recount', 'page update*'];
console.log(cols.map((c, i) => c.padStart(i ? 14 : 8)).join(''));
for (const n of [1000, 10000, 100000]) {
  const body = await readFile(join(ROOT, 'tests', 'artifacts', 'bench', `feed-${n}.json`));
  const server = await serveDist(process.env.DIST ?? join(ROOT, 'dist'), {
    overrides: { '/sample-feed.json': { body }, '/bench-feed.json': { body } },
  });
  const page = await openPage(browser, { viewport: 'desktop', now: null });
  await page.goto(`${server.url}stats?from=${WINDOW.from}&to=${WINDOW.to}`);
  await page.waitForSelector('[data-testid="stats-table"] tbody tr', { timeout: 180_000 });
  await showFreeOnly(page);
  await page.waitForFunction(() => window.wasmBindings?.benchmark_stats_recount);
  const r = await page.evaluate(async ({ from, to }) => {
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const bytes = new Uint8Array(await (await fetch('bench-feed.json')).arrayBuffer());
    window.wasmBindings.benchmark_parse_feed(bytes);
    const recounts = [];
    let counted = 0;
    for (let i = 0; i < 11; i++) {
      const t = performance.now();
      counted = window.wasmBindings.benchmark_stats_recount(from, to, i % 2 === 1);
      recounts.push(performance.now() - t);
    }
    window.wasmBindings.benchmark_release();
    // The page: click "free only" and wait until the total changes and the frame after it.
    const nextTask = () => new Promise((ok) => {
      const c = new MessageChannel();
      c.port1.onmessage = ok;
      c.port2.postMessage(0);
    });
    const total = () => document.querySelector('[data-testid="stats-total"]').dataset.count;
    const updates = [];
    for (let i = 0; i < 4; i++) {
      const box = document.querySelector('input[name="free"]');
      const before = total();
      const t = performance.now();
      box.click();
      for (let k = 0; k < 5000 && total() === before; k++) await Promise.resolve();
      await nextTask();
      void document.body.offsetHeight;
      updates.push(performance.now() - t);
    }
    return { counted, recount: median(recounts), update: median(updates) };
  }, WINDOW);
  const f = (x) => x.toFixed(1).padStart(14);
  console.log(`${String(n).padStart(8)}${String(r.counted).padStart(14)}${f(r.recount)}${f(r.update)}`);
  await page.context().close();
  await server.close();
}
console.log('* from the click on "free only" to the page redrawn: URL, filters, tables, chart, map');
await browser.close();
