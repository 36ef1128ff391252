// The publishing half end to end: the harvester (built by `cargo test`, which scripts/test.sh
// runs first) merges the bundled JSON-LD sample and a Linked Events page into one feed.json, and
// the app, reading only that file, shows the events at the right Helsinki times.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, checkHealthy, waitForApp, ROOT } from '../support/browser.mjs';
import { serveDist } from '../support/server.mjs';

const HARVEST = join(ROOT, 'target', 'debug', 'kulttuurikartta-harvest');
let browser;
let dir;
before(async () => {
  browser = await launch();
  dir = await mkdtemp(join(tmpdir(), 'kk-harvest-'));
});
after(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

test('a harvested feed shows in the app with the right times', async () => {
  const le = join(dir, 'kunta.json');
  await writeFile(le, JSON.stringify({
    meta: { count: 1, next: null },
    data: [{
      id: 'kunta:1',
      name: { fi: 'Kesäkonsertti' },
      // Summer time: 18:00 in Helsinki is 15:00 UTC.
      start_time: '2027-07-03T15:00:00Z',
      location: { name: { fi: 'Kuhmo-talo' }, address_locality: { fi: 'Kuhmo' } },
    }],
  }));
  const out = join(dir, 'out');
  execFileSync(HARVEST, ['run', '--source', join(ROOT, 'public', 'sample-feed-jsonld.json'), '--source', le, '--out', out]);
  const harvested = await readFile(join(out, 'feed.json'), 'utf8');
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
  assert.equal(report.sources.length, 2);

  const server = await serveDist(join(ROOT, 'dist'), {
    overrides: { '/config.json': { body: JSON.stringify({ feeds: ['feed.json'], sample_data: false }) }, '/feed.json': { body: harvested } },
  });
  const page = await openPage(browser);
  await page.goto(`${server.url}event/ld-1`);
  await waitForApp(page);
  assert.match(await page.locator('[data-testid="event-page"] h1').innerText(), /Joulukonsertti Madetoja-salissa/);
  assert.match(await page.locator('[data-testid="event-page"]').innerText(), /18\.12\.2026.*klo 19\.00/s, 'the JSON-LD time, 19:00 in Helsinki');
  await page.goto(`${server.url}event/${encodeURIComponent('kunta:1')}`);
  await waitForApp(page);
  assert.match(await page.locator('[data-testid="event-page"]').innerText(), /3\.7\.2027.*klo 18\.00/s, 'summer time: 15:00 UTC is 18:00');
  assert.match(await page.locator('[data-testid="event-page"]').innerText(), /Kuhmo/);
  // The sample's images are on example.invalid, which the tests never reach; nothing else may fail.
  assert.deepEqual(page.externalRequests.filter((u) => !u.startsWith('https://example.invalid/kuvat/')), []);
  checkHealthy(page, { allow: [/Failed to load resource: net::ERR_FAILED/] });
  await page.context().close();
  await server.close();
});
