// Browser benchmark for a first visit (figures, no assertions about time): a fresh browser
// context, as an embed on a municipal page always is, opening the release build whose
// config.json names a generated feed of 1 000 or 10 000 events. Prints medians of cold visits:
// until the map, the timeline and the list are drawn (as ../shared/peer/compare.js measures it),
// when the wasm, config.json, the feed and the boundary file were requested and arrived, and then
// the "this month" preset from a click to the next frame. With BASELINE=<another dist> the two
// builds alternate in one run, so that their ratio means something on a noisy machine. RTT=<ms>
// adds that round-trip time to every request (Chromium's network emulation), as a phone on a
// mobile network would see it: loopback hides what waiting for one request before the next costs.
// ALL=1 also prints each visit's drawn time. A second table gives when the app's own steps ended
// (the `kk:` performance marks of a benchmark page): the feed's bytes in wasm, parsed, the feeds
// merged into the catalogue, the explorer's indexes built, the filters' first run (after the view
// code around them has run, and been compiled), and the map and the timeline drawn.
//
//   cargo run --release --example feed_bench -- --write tests/artifacts/bench
//   node tests/bench/first-visit.mjs            # DIST=dist, VISITS=7
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, ROOT } from '../support/browser.mjs';
import { serveDist } from '../support/server.mjs';
import { buildsToCompare, openPinnedPage, timeMonthPreset } from '../support/bench.mjs';

const VISITS = Number(process.env.VISITS ?? 7);
const builds = buildsToCompare();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const browser = await launch();

async function visit(url) {
  const page = await openPinnedPage(browser);
  if (process.env.RTT) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: Number(process.env.RTT), downloadThroughput: -1, uploadThroughput: -1,
    });
  }
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForSelector('[data-testid=map] [data-cluster-count], [data-testid=map] [data-event-id]', { timeout: 120_000 });
  await page.waitForSelector('[data-testid=timeline] svg');
  await page.waitForSelector('[data-testid=result-count][data-count]');
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  const drawn = Date.now() - t0;
  const timing = await page.evaluate(() => {
    const at = (part) => {
      const e = performance.getEntriesByType('resource').find((r) => r.name.includes(part));
      return e ? [Math.round(e.startTime), Math.round(e.responseEnd)] : [NaN, NaN];
    };
    // The first of each mark: a later one is a filter change or a redraw.
    const marks = {};
    for (const m of performance.getEntriesByType('mark')) marks[m.name] ??= Math.round(m.startTime);
    return { wasm: at('.wasm'), config: at('config.json'), feed: at('sample-feed.json'), boundaries: at('boundaries'), marks };
  });
  // The preset, from "all upcoming": click to the next frame, and to the count's change.
  const preset = [];
  for (let i = 0; i < 5; i++) {
    await page.click('[data-preset=all]');
    await page.waitForTimeout(150);
    preset.push(await timeMonthPreset(page));
  }
  await page.context().close();
  return { drawn, timing, frame: median(preset.map((p) => p[0])), count: median(preset.map((p) => p[1])) };
}

// The app's steps, in order (see the top): column name and mark.
const STEPS = [['fetched', 'kk:load:fetched'], ['parsed', 'kk:load:parsed'], ['merged', 'kk:load:merged'],
  ['indexed', 'kk:explorer:indexed'], ['filtered', 'kk:explorer:filtered'], ['map drawn', 'kk:map:drawn'],
  ['timeline', 'kk:timeline:drawn']];
const steps = [];

console.log(`first visit (fresh context) at 1280×800, median of ${VISITS} visits (ms since navigation)${process.env.RTT ? `, ${process.env.RTT} ms round trips` : ''}`);
const cols = ['events', 'build', 'drawn', 'wasm in', 'config req', 'feed req', 'feed in', 'bounds req', 'month: frame', 'count'];
console.log(cols.map((c, i) => (i === 1 ? ` ${c}`.padEnd(13) : c.padStart(i ? 13 : 8))).join(''));
for (const n of [1000, 10000]) {
  const body = await readFile(join(ROOT, 'tests', 'artifacts', 'bench', `feed-${n}.json`));
  const servers = await Promise.all(builds.map(([, dist]) => serveDist(dist, { overrides: { '/sample-feed.json': { body } } })));
  const runs = builds.map(() => []);
  for (let v = 0; v < VISITS; v++) {
    // Which build goes first alternates: the first visit of a pair was measured 60-140 ms slower
    // whichever build it was, which a fixed order would book to one build.
    const order = builds.map((_, b) => b);
    if (v % 2) order.reverse();
    for (const b of order) runs[b].push(await visit(servers[b].url));
  }
  builds.forEach(([name], b) => {
    const r = runs[b];
    const m = (f) => median(r.map(f));
    const row = [n, name, m((x) => x.drawn), m((x) => x.timing.wasm[1]), m((x) => x.timing.config[0]), m((x) => x.timing.feed[0]),
      m((x) => x.timing.feed[1]), m((x) => x.timing.boundaries[0]), m((x) => x.frame).toFixed(1), m((x) => x.count).toFixed(1)];
    console.log(row.map((c, i) => (i === 1 ? ` ${c}`.padEnd(13) : String(c).padStart(i ? 13 : 8))).join(''));
    // ALL=1: every visit's drawn time, in order, to see a bimodal spread behind a median.
    if (process.env.ALL) console.log(`         drawn, visit by visit: ${r.map((x) => x.drawn).join(' ')}`);
    steps.push([n, name, ...STEPS.map(([, mark]) => m((x) => x.timing.marks[mark] ?? NaN))]);
  });
  await Promise.all(servers.map((s) => s.close()));
}
console.log(`\nwhen each step of the app ended, median ms since navigation ("NaN": a build without the mark)`);
console.log(['events', 'build', ...STEPS.map(([c]) => c)].map((c, i) => (i === 1 ? ` ${c}`.padEnd(13) : c.padStart(i ? 11 : 8))).join(''));
for (const row of steps) console.log(row.map((c, i) => (i === 1 ? ` ${c}`.padEnd(13) : String(c).padStart(i ? 11 : 8))).join(''));
await browser.close();
