// Shared by the browser benchmarks: the release build on a generated feed, at desktop size.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openPage, ROOT } from './browser.mjs';
import { serveDist } from './server.mjs';

/** Serves dist/ with feed-<n>.json (from `feed_bench --write`) as the sample feed and opens it.
 * Only Date.now is pinned, before the generated events, so that all of them are upcoming:
 * Playwright's fake clock would round performance.now() to whole milliseconds. The app's
 * performance marks (`kk:…`) are switched on. */
export async function openOnGeneratedFeed(browser, n) {
  const body = await readFile(join(ROOT, 'tests', 'artifacts', 'bench', `feed-${n}.json`));
  const server = await serveDist(join(ROOT, 'dist'), { overrides: { '/sample-feed.json': { body } } });
  const page = await openPage(browser, { viewport: 'desktop', now: null });
  await page.addInitScript(() => {
    const fixed = Date.parse('2025-12-01T00:00:00Z');
    Date.now = () => fixed;
    window.__kkBenchMarks = true;
  });
  await page.goto(server.url);
  return { page, server };
}
