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

const screens = [
  ['explorer', ''],
  ['event page', 'event/kulttuurikartta:00150'],
  ['series page', `event/${encodeURIComponent('https://example.invalid/tapahtumat/ld-7')}?feed=sample-feed-jsonld.json`],
  ['not found', 'no/such/page'],
  ['load error', '?feed=broken-feed.json'],
];

for (const [name, path] of screens) {
  test(`${name}: no WCAG A/AA violations`, async () => {
    for (const viewport of ['phone', 'desktop']) {
      for (const lang of ['fi', 'sv', 'en']) {
        const page = await openPage(browser, { viewport });
        const url = new URL(path, server.url);
        url.searchParams.set('lang', lang);
        await page.goto(url.href);
        await waitForApp(page);
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
