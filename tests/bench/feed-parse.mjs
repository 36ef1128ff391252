// Browser benchmark: parse + normalise generated feeds inside the release build's wasm, in
// headless Chromium at 1280×800, with the feed already in memory as bytes. Prints figures; it
// is a benchmark, not a test, so it asserts nothing about time. The events read are freed
// after each timed run, outside it: the app keeps them.
//
//   cargo run --release --example feed_bench -- --write tests/artifacts/bench
//   node tests/bench/feed-parse.mjs
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, openPage, ROOT } from '../support/browser.mjs';
import { serveDist } from '../support/server.mjs';

const dir = join(ROOT, 'tests', 'artifacts', 'bench');
const overrides = { '/sample-feed.json': { body: '{"data":[]}' } };
const sizes = {};
for (const n of [1000, 10000, 100000]) {
  const body = await readFile(join(dir, `feed-${n}.json`));
  overrides[`/bench/feed-${n}.json`] = { body };
  sizes[n] = body.length;
}
// DIST=path compares another build (e.g. the previous commit's) in the same conditions.
const server = await serveDist(process.env.DIST ?? join(ROOT, 'dist'), { overrides });
const browser = await launch();
// No fake clock: Playwright's would round performance.now() to whole milliseconds.
const page = await openPage(browser, { viewport: 'desktop', now: null });
await page.goto(server.url);
await page.waitForFunction(() => window.wasmBindings?.benchmark_parse_feed);

console.log('feed parse + normalise, wasm in headless Chromium, median of runs');
console.log(`${'events'.padStart(8)} ${'MB'.padStart(8)} ${'median ms'.padStart(10)} ${'min ms'.padStart(8)}`);
for (const n of [1000, 10000, 100000]) {
  const result = await page.evaluate(
    async ({ url, runs }) => {
      const bin = new Uint8Array(await (await fetch(url)).arrayBuffer());
      const times = [];
      let count = 0;
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        count = window.wasmBindings.benchmark_parse_feed(bin);
        times.push(performance.now() - t);
        window.wasmBindings.benchmark_release();
        await new Promise((r) => setTimeout(r, 0));
      }
      times.sort((a, b) => a - b);
      return { count, median: times[Math.floor(runs / 2)], min: times[0] };
    },
    { url: `bench/feed-${n}.json`, runs: n >= 100000 ? 3 : 21 },
  );
  if (result.count !== n) throw new Error(`read ${result.count} of ${n} events`);
  console.log(
    `${String(n).padStart(8)} ${(sizes[n] / 1e6).toFixed(1).padStart(8)} ${result.median.toFixed(1).padStart(10)} ${result.min.toFixed(1).padStart(8)}`,
  );
}
await browser.close();
await server.close();
