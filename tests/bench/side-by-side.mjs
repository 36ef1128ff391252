// Browser benchmark (figures, no assertions about time): the first visit beside the peer page of
// ../shared/peer, on the same generated feed, in one run, with both pages timed the same way.
//
// ../shared/peer/compare.js waits for the app with `page.waitForSelector`, which in
// playwright-core 1.65 checks again after 0, 20, 50, 100, 100 and then every 500 ms, each check a
// round trip to a renderer that may be busy; it waits for the peer with `waitForFunction`, which
// checks at every animation frame. So compare.js books the app in steps of up to half a second,
// and the peer to the frame. This benchmark prints compare.js's figure for the app ("polled")
// beside the time both pages reach their condition, checked in the page at every animation frame
// ("in page"): for the app, compare.js's three selectors visible and then two frames (as
// compare.js waits for two after them); for the peer, its title set to "done" (which it does two
// frames after drawing). Times are ms since navigation; the ratio is app ÷ peer, in page.
//
// Like run.sh: the app is served as built (its tile server unreachable, requests off loopback
// refused), the peer from $PEER_WORK (default /tmp/kk-peer), where `../shared/peer/run.sh` has
// installed its libraries once. Builds and pages alternate visit by visit.
//
//   node tests/bench/side-by-side.mjs          # DIST=dist, VISITS=9, EVENTS="1000 10000"
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launch, ROOT } from '../support/browser.mjs';
import { serveDist } from '../support/server.mjs';

const VISITS = Number(process.env.VISITS ?? 9);
const EVENTS = (process.env.EVENTS ?? '1000 10000').split(/\s+/).filter(Boolean).map(Number);
const DIST = process.env.DIST ?? join(ROOT, 'dist');
const SHARED = join(ROOT, '..', 'shared', 'peer');
const PEER_WORK = process.env.PEER_WORK ?? '/tmp/kk-peer';
if (!existsSync(join(PEER_WORK, 'node_modules', 'leaflet'))) {
  console.error(`No peer libraries in ${PEER_WORK}: run ../shared/peer/run.sh once (it installs them there).`);
  process.exit(1);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// gen_feed.py's window for a --relative feed, which the app opens with (as run.sh does).
const [FROM, TO] = execFileSync('python3', ['-c', `import sys; sys.argv=['x','--relative']; sys.path.insert(0, ${JSON.stringify(SHARED)}); import gen_feed
a, b = gen_feed.window(True); print(a.date(), b.date())`]).toString().trim().split(' ');

// Runs in both pages from the start: at every animation frame, whether the page's condition
// holds; when it first does, two more frames, and then the time.
function watchDrawn(kind) {
  const visible = (sel) => {
    const e = document.querySelector(sel);
    return !!e && e.checkVisibility() && e.getClientRects().length > 0;
  };
  const holds = kind === 'peer'
    ? () => document.title === 'done'
    : () => visible('[data-testid=map] [data-cluster-count], [data-testid=map] [data-event-id]')
      && visible('[data-testid=timeline] svg') && visible('[data-testid=result-count][data-count]');
  const frames = kind === 'peer' ? 0 : 2;
  const check = () => {
    if (!document.documentElement || !holds()) return requestAnimationFrame(check);
    let left = frames;
    const after = () => (left-- > 0 ? requestAnimationFrame(after) : (window.__drawnAt = performance.now()));
    after();
  };
  requestAnimationFrame(check);
}

async function visit(browser, kind, url) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'Europe/Helsinki' });
  const page = await ctx.newPage();
  await page.addInitScript(watchDrawn, kind);
  if (kind === 'app') await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (r) => r.abort());
  const t0 = Date.now();
  await page.goto(url);
  if (kind === 'app') {
    await page.waitForSelector('[data-testid=map] [data-cluster-count], [data-testid=map] [data-event-id]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid=timeline] svg', { timeout: 120_000 });
    await page.waitForSelector('[data-testid=result-count][data-count]', { timeout: 120_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  } else {
    await page.waitForFunction(() => document.title === 'done', null, { timeout: 300_000 });
  }
  const polled = Date.now() - t0;
  await page.waitForFunction(() => window.__drawnAt !== undefined, null, { timeout: 30_000 });
  const inPage = await page.evaluate(() => Math.round(window.__drawnAt));
  await ctx.close();
  return { polled, inPage };
}

const browser = await launch();
console.log(`first visit (fresh context, 1280×800), median of ${VISITS} visits, ms since navigation; ${DIST}`);
const cols = ['events', 'app in page', 'peer in page', 'ratio', 'app polled', 'peer polled', 'polled ratio'];
console.log(cols.map((c, i) => c.padStart(i ? 14 : 8)).join(''));
for (const n of EVENTS) {
  const feed = join(PEER_WORK, `feed${n}.json`);
  if (!existsSync(feed)) execFileSync('python3', [join(SHARED, 'gen_feed.py'), String(n), feed, '1', '--relative']);
  const body = await readFile(feed);
  const app = await serveDist(DIST, { asBuilt: true, overrides: { [`/bench/feed${n}.json`]: { body } } });
  const peer = await serveDist(PEER_WORK, { asBuilt: true });
  const runs = { app: [], peer: [] };
  for (let v = 0; v < VISITS; v++) {
    const order = v % 2 ? ['peer', 'app'] : ['app', 'peer'];
    for (const kind of order) {
      const url = kind === 'app' ? `${app.url}?feed=/bench/feed${n}.json&from=${FROM}&to=${TO}` : `${peer.url}peer.html?feed=feed${n}.json`;
      runs[kind].push(await visit(browser, kind, url));
    }
  }
  await app.close();
  await peer.close();
  const m = (kind, f) => median(runs[kind].map((r) => r[f]));
  const row = [n, m('app', 'inPage'), m('peer', 'inPage'), (m('app', 'inPage') / m('peer', 'inPage')).toFixed(2),
    m('app', 'polled'), m('peer', 'polled'), (m('app', 'polled') / m('peer', 'polled')).toFixed(2)];
  console.log(row.map((c, i) => String(c).padStart(i ? 14 : 8)).join(''));
  if (process.env.ALL) for (const kind of ['app', 'peer']) console.log(`  ${kind}, visit by visit (in page / polled): ${runs[kind].map((r) => `${r.inPage}/${r.polled}`).join(' ')}`);
}
await browser.close();
