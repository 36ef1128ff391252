// axe-core (WCAG 2.0/2.1 A and AA rules) finds no violations on the screens that exist so far,
// at phone and desktop size, in each language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, openPage, checkHealthy, waitForApp, ROOT } from '../support/browser.mjs';
import { serveDist } from '../support/server.mjs';

const AXE = await readFile(join(ROOT, 'tests', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
let browser;
let server;
before(async () => {
  browser = await launch();
  server = await serveDist(join(ROOT, 'dist'), {
    overrides: { '/broken-feed.json': { status: 404, body: 'nope', type: 'text/plain' } },
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const openPanels = async (page) => {
  for (const d of await page.locator('details').all()) await d.evaluate((el) => (el.open = true));
};
const screens = [
  ['explorer', ''],
  ['explorer with a window, a selection and every filter panel open', '?from=2026-12-01&to=2026-12-07&municipality=564&event=kulttuurikartta:00150', openPanels],
  ['explorer map panel', '', (page) => page.click('[data-testid="show-map"]')],
  ['explorer timeline panel', '?from=2026-12-01&to=2026-12-07', (page) => page.click('[data-testid="show-timeline"]')],
  ['accessibility statement', 'accessibility'],
  ['event page', 'event/kulttuurikartta:00150'],
  ['series page', `event/${encodeURIComponent('https://example.invalid/tapahtumat/ld-7')}?feed=sample-feed-jsonld.json`],
  ['not found', 'no/such/page'],
  ['load error', '?feed=broken-feed.json'],
  ['validator with a report', 'validate?feed=sample-feed.json', (page) => page.waitForSelector('[data-testid="validator-report"]')],
  ['statistics for a year, with the map shaded', 'stats?from=2026-01-01&to=2026-12-31', (page) => page.locator('[data-testid="stats-map-shapes"] path').nth(37).waitFor()],
  ['statistics by week, filtered, with filter panels open', 'stats?from=2026-12-01&to=2026-12-31&category=music,theatre&free=1', openPanels],
];

for (const [name, path, setup] of screens) {
  test(`${name}: no WCAG A/AA violations`, async () => {
    for (const viewport of ['phone', 'desktop']) {
      for (const lang of ['fi', 'sv', 'en']) {
        const page = await openPage(browser, { viewport });
        const url = new URL(path, server.url);
        url.searchParams.set('lang', lang);
        await page.goto(url.href);
        await waitForApp(page);
        // The panel switch only exists on narrow screens.
        if (setup && (viewport === 'phone' || !name.includes('panel'))) await setup(page);
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async () => {
          const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
          return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        });
        assert.deepEqual(violations, [], `${name} at ${viewport} in ${lang}`);
        checkHealthy(page, { allow: [/404/] });
        await page.context().close();
      }
    }
  });
}
