// The publisher's check in the app, `/validate`: the same rules as `kulttuurikartta-harvest
// check`, on pasted text, a local file or a URL, by keyboard alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, checkHealthy, screenshot, waitForApp } from '../support/browser.mjs';
import { withBrowserAndDist, browser, server } from '../support/suite.mjs';

withBrowserAndDist();

const GOOD = JSON.stringify({
  data: [{
    id: 'kunta:1', name: { fi: 'Joulukonsertti' }, short_description: { fi: 'Kuoro laulaa.' },
    description: { fi: '<p>Kuoro laulaa joululauluja.</p>' },
    start_time: '2027-12-18T19:00:00+02:00', end_time: '2027-12-18T21:00:00+02:00',
    location: { name: { fi: 'Kajaanin kirkko' }, address_locality: { fi: 'Kajaani' }, position: { type: 'Point', coordinates: [27.73, 64.22] } },
    keywords: [{ '@id': 'yso:p1808' }], offers: [{ is_free: true }], images: [{ url: 'https://example.invalid/k.jpg', alt_text: { fi: 'Kuoro' } }],
  }],
});

async function report(page) {
  const r = page.locator('[data-testid="validator-report"]');
  await r.waitFor();
  return {
    events: Number(await r.getAttribute('data-events')),
    errors: Number(await r.getAttribute('data-errors')),
    warnings: Number(await r.getAttribute('data-warnings')),
    problems: await page.$$eval('[data-testid="problem"]', (els) => els.map((e) => ({ path: e.dataset.path, severity: e.dataset.severity, text: e.innerText }))),
  };
}

test('a good feed, pasted and checked by keyboard alone, has nothing to fix and shows its events', async () => {
  const page = await openPage(browser, { viewport: 'phone' });
  await page.goto(`${server.url}validate`);
  await waitForApp(page);
  await page.focus('[data-testid="validator-input"]');
  await page.keyboard.insertText(GOOD);
  // To the run button by Tab (past the file and URL fields), then Enter.
  for (let i = 0; i < 6 && !(await page.evaluate(() => document.activeElement?.dataset.testid === 'validator-run')); i++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  const r = await report(page);
  assert.deepEqual([r.events, r.errors, r.warnings], [1, 0, 0], JSON.stringify(r.problems));
  assert.match(await page.locator('[data-testid="validator-report"]').innerText(), /Ei korjattavaa/);
  assert.match(await page.locator('[data-testid="validator-preview"] [data-event-id="kunta:1"]').innerText(), /Joulukonsertti/);
  // The map preview: the region's 38 municipalities and the event's dot, with a caption twin.
  const map = page.locator('[data-testid="validator-map"]');
  await map.locator('path.preview-municipality').nth(37).waitFor();
  assert.equal(await map.locator('path.preview-municipality').count(), 38);
  assert.equal(await map.locator('circle.preview-event').count(), 1);
  assert.match(await map.locator('figcaption').innerText(), /1 \/ 1 tapahtumaa kartalla/);
  await screenshot(page, 'validator-good-phone');
  checkHealthy(page, { allow: [/ERR_FAILED/] });
  await page.context().close();
});

test('a malformed feed is named with its line and column', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}validate?lang=en`);
  await waitForApp(page);
  await page.fill('[data-testid="validator-input"]', '{"data": [\n  {"id": "a",}\n]}');
  await page.click('[data-testid="validator-run"]');
  const r = await report(page);
  assert.equal(r.errors, 1);
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0].severity, 'error');
  assert.match(r.problems[0].text, /could not be read/);
  assert.match(r.problems[0].text, /line 2, column 14/);
  checkHealthy(page);
  await page.context().close();
});

test('warnings and errors carry their JSON path, and a plain-language fix', async () => {
  const page = await openPage(browser, { viewport: 'desktop' });
  await page.goto(`${server.url}validate`);
  await waitForApp(page);
  const feed = { data: [
    { id: 'w:1', name: { fi: 'Ilman kuvaa' }, start_time: '2027-01-10T18:00:00+02:00', location: { name: { fi: 'Oulun kirjasto' }, address_locality: { fi: 'Oulu' } } },
    { id: 'e:1', name: { fi: 'Rikki' }, start_time: 'ensi tiistaina', location: { name: { fi: 'Oulu' } } },
  ] };
  await page.fill('[data-testid="validator-input"]', JSON.stringify(feed));
  await page.click('[data-testid="validator-run"]');
  const r = await report(page);
  assert.equal(r.events, 1);
  assert.equal(r.errors, 1);
  assert.ok(r.warnings >= 3, `${r.warnings} warnings`);
  const at = (path) => r.problems.find((p) => p.path === path);
  assert.equal(at('data[1].start_time')?.severity, 'error');
  assert.match(at('data[1].start_time').text, /2027-01-31T18:00:00\+02:00/, 'the fix shows the right form');
  assert.equal(at('data[0].images')?.severity, 'warning');
  assert.match(at('data[0].images').text, /Lisää kuva/);
  await screenshot(page, 'validator-problems-desktop');
  checkHealthy(page);
  await page.context().close();
});

test('/validate?feed=URL checks that address on load', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}validate?feed=sample-feed.json`);
  await waitForApp(page);
  const r = await report(page);
  assert.equal(r.events, 483);
  assert.equal(r.errors, 0);
  assert.equal(await page.inputValue('#validator-url'), 'sample-feed.json');
  checkHealthy(page);
  await page.context().close();
});

test('the footer links to the validator', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}accessibility?lang=sv`);
  await waitForApp(page);
  await page.click('[data-testid="validate-link"]');
  await page.waitForSelector('[data-testid="validator"]');
  assert.match(await page.locator('h1').innerText(), /Kontrollera ett evenemangsflöde/);
  await page.context().close();
});
