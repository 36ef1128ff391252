// Browser benchmark for one interaction (figures, no assertions about time): the "this month"
// preset from a click to the next frame and to the count's change, as ../shared/peer/compare.js
// measures it, repeated on one open page per build. With BASELINE=<another dist> the two builds
// take turns click by click in one browser, so that their ratio means something on a noisy
// machine; a single first-visit sample does not. PROFILE=1 also takes a CPU profile of the
// clicks (this build only) and prints where the script time goes, by function. Function names
// need a build with its name section: `data-keep-debug` on the rust link, and the wasm taken
// from target/wasm-bindgen/release/ (wasm-opt drops names).
//
// INPUT=free times the "free only" checkbox instead, toggled on and off, from all upcoming events:
// a change that replaces most of the list, where the preset keeps the days it shares.
//
//   cargo run --release --example feed_bench -- --write tests/artifacts/bench
//   node tests/bench/preset.mjs            # DIST=dist, CLICKS=21, EVENTS="1000 10000", INPUT=month
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, ROOT } from '../support/browser.mjs';
import { serveDist } from '../support/server.mjs';
import { buildsToCompare, openPinnedPage, showFreeOnly, timeClick, timeMonthPreset } from '../support/bench.mjs';

const CLICKS = Number(process.env.CLICKS ?? 21);
const EVENTS = (process.env.EVENTS ?? '1000 10000').split(/\s+/).map(Number);
const INPUT = process.env.INPUT ?? 'month';
const builds = buildsToCompare();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const browser = await launch();

async function open(url) {
  const page = await openPinnedPage(browser);
  await page.goto(url);
  await page.waitForSelector('[data-testid=result-count][data-count]', { timeout: 120_000 });
  if (INPUT === 'free') await showFreeOnly(page);
  await page.waitForTimeout(1000);
  return page;
}

/** "All upcoming", a pause, then "this month" timed: [to the next frame, to the count]. */
async function click(page) {
  if (INPUT === 'free') {
    const times = await timeClick(page, 'input[name=free]');
    await page.waitForTimeout(300);
    return times;
  }
  await page.click('[data-preset=all]');
  await page.waitForTimeout(300);
  const times = await timeMonthPreset(page);
  // Past the idle work that follows the frame (the URL write), so that it lands in no sample.
  await page.waitForTimeout(300);
  return times;
}

/** Self time per function over a CPU profile, per click, the largest first. */
function bySelfTime(profile, clicks) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const name = f.functionName || `(anonymous in ${f.url.split('/').pop()})`;
    if (name === '(idle)' || name === '(program)') return;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  return [`script per click (all + month): ${(total / clicks).toFixed(1)} ms, by function (self):`,
    ...top.map(([n, ms]) => `${(ms / clicks).toFixed(2).padStart(8)}  ${n.slice(0, 140)}`)].join('\n');
}

const what = INPUT === 'free' ? '"free only" checkbox' : '"this month" preset';
console.log(`${what} at 1280×800, median of ${CLICKS} clicks per build, builds taking turns (ms)`);
console.log(['events', ' build', 'frame', 'count'].map((c, i) => (i === 1 ? c.padEnd(13) : c.padStart(8))).join(''));
for (const n of EVENTS) {
  const body = await readFile(join(ROOT, 'tests', 'artifacts', 'bench', `feed-${n}.json`));
  const servers = await Promise.all(builds.map(([, dist]) => serveDist(dist, { overrides: { '/sample-feed.json': { body } } })));
  const pages = [];
  for (const s of servers) pages.push(await open(s.url));
  let cdp;
  if (process.env.PROFILE) {
    cdp = await pages[0].context().newCDPSession(pages[0]);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  const runs = builds.map(() => []);
  for (let c = 0; c < CLICKS; c++) {
    for (let b = 0; b < builds.length; b++) runs[b].push(await click(pages[b]));
  }
  builds.forEach(([name], b) => {
    const row = [n, ` ${name}`, median(runs[b].map((r) => r[0])).toFixed(1), median(runs[b].map((r) => r[1])).toFixed(1)];
    console.log(row.map((c, i) => (i === 1 ? String(c).padEnd(13) : String(c).padStart(8))).join(''));
  });
  if (cdp) console.log(bySelfTime((await cdp.send('Profiler.stop')).profile, CLICKS));
  for (const p of pages) await p.context().close();
  await Promise.all(servers.map((s) => s.close()));
}
await browser.close();
