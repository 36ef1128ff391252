// Shared by the browser benchmarks: the release build on a generated feed, at desktop size.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openPage, ROOT } from './browser.mjs';
import { serveDist } from './server.mjs';

/** Serves dist/ (or $DIST) with feed-<n>.json (from `feed_bench --write`) as the sample feed and opens it.
 * Only Date.now is pinned, before the generated events, so that all of them are upcoming:
 * Playwright's fake clock would round performance.now() to whole milliseconds. */
export async function openOnGeneratedFeed(browser, n) {
  const body = await readFile(join(ROOT, 'tests', 'artifacts', 'bench', `feed-${n}.json`));
  const server = await serveDist(process.env.DIST ?? join(ROOT, 'dist'), { overrides: { '/sample-feed.json': { body } } });
  const page = await openPinnedPage(browser);
  await page.goto(server.url);
  return { page, server };
}

/** The "this month" preset timed in the page, as ../shared/peer/compare.js times it: from the
 * click to the next frame and to the count's change, [frame, count] in ms. Starts from
 * whatever window is set: click "all upcoming" first for compare.js's path. */
export function timeMonthPreset(page) {
  return timeClick(page, '[data-preset=month]');
}

/** A click on `selector` timed in the page as `timeMonthPreset` times the preset. */
export function timeClick(page, selector) {
  return page.evaluate(async (selector) => {
    const count = () => document.querySelector('[data-testid=result-count]').getAttribute('data-count');
    const was = count();
    const t = performance.now();
    document.querySelector(selector).click();
    if (count() === was) {
      await new Promise((ok) => {
        const o = new MutationObserver(() => count() !== was && (o.disconnect(), ok()));
        o.observe(document.body, { subtree: true, attributes: true, childList: true });
        setTimeout(ok, 3000);
      });
    }
    const changed = performance.now() - t;
    await new Promise((ok) => requestAnimationFrame(() => {
      const c = new MessageChannel();
      c.port1.onmessage = ok;
      c.port2.postMessage(0);
    }));
    return [performance.now() - t, changed];
  }, selector);
}

/** Opens the "more filters" panel and waits for its "free only" box: a panel builds its options
 * when first opened, and the benchmarks that change a filter click that box. */
export async function showFreeOnly(page) {
  await page.click('[data-testid="filter-more"] summary');
  await page.waitForSelector('input[name="free"]');
}

/** A desktop page whose Date.now is pinned to the start of the generated events (midnight on
 * 1 January 2026 in Helsinki; `feed_bench` dates them from that day to June 2027), so that all of
 * them are upcoming and "this month" holds about one in twenty, as in ../shared/peer/compare.js.
 * Only Date.now: Playwright's fake clock would round performance.now() to whole milliseconds.
 * The app's performance marks (`kk:…`, see `dom::mark`) are switched on. */
export async function openPinnedPage(browser) {
  const page = await openPage(browser, { viewport: 'desktop', now: null });
  await page.addInitScript(() => {
    const fixed = Date.parse('2026-01-01T00:00:00+02:00');
    Date.now = () => fixed;
    window.__kkBenchMarks = true;
  });
  return page;
}

/** The builds a benchmark compares: $DIST (default dist/), and $BASELINE when given. */
export function buildsToCompare() {
  const builds = [['this build', process.env.DIST ?? join(ROOT, 'dist')]];
  if (process.env.BASELINE) builds.push(['baseline', process.env.BASELINE]);
  return builds;
}
