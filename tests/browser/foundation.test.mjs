// The walking skeleton: the release build shows the sample feed, with its stable hooks,
// at the root and under a sub-path, in every language, and fails readably.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openPage, checkHealthy, screenshot, waitForApp, showAllRows, ROOT } from '../support/browser.mjs';
import { serveDist } from '../support/server.mjs';

const RFC3339_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;
let browser;
let root;

before(async () => {
  browser = await launch();
  root = await serveDist(join(ROOT, 'dist'));
});
after(async () => {
  await browser?.close();
  await root?.close();
});

describe('explorer at the site root', () => {
  test('lists at least 300 upcoming sample events with stable hooks', async () => {
    const page = await openPage(browser);
    await page.goto(root.url);
    await waitForApp(page);
    await showAllRows(page);
    const rows = page.locator('[data-testid^="event-list"] [data-event-id]');
    const n = await rows.count();
    assert.ok(n >= 300, `expected ≥300 events in the list, got ${n}`);
    const count = Number(await page.getAttribute('[data-testid="result-count"]', 'data-count'));
    const seriesExtra = await rows.evaluateAll((els) =>
      els.reduce((sum, el) => sum + (el.dataset.seriesDates ? Number(el.dataset.seriesDates) - 1 : 0), 0),
    );
    assert.equal(count, n + seriesExtra, 'result count = rows + the further dates of series rows');
    assert.ok(seriesExtra > 0, 'recurring series are collapsed into one row each');

    const hooks = await rows.evaluateAll((els) =>
      els.map((el) => ({
        id: el.dataset.eventId,
        time: el.querySelector('time')?.getAttribute('datetime') ?? null,
        tba: el.closest('[data-testid="event-list-tba"]') !== null,
      })),
    );
    assert.equal(new Set(hooks.map((h) => h.id)).size, n, 'event ids are unique');
    for (const h of hooks) {
      assert.ok(h.id, 'every row has an event id');
      if (h.tba) assert.equal(h.time, null, `${h.id}: an undated event shows no time`);
      else assert.match(h.time ?? '', RFC3339_OFFSET, `${h.id}: <time datetime> is RFC 3339 with offset`);
    }
    assert.ok(hooks.some((h) => h.tba), 'postponed events without a date are listed separately');
    // Dated rows come in start order.
    const starts = hooks.filter((h) => !h.tba).map((h) => Date.parse(h.time));
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'rows are in start order');

    assert.equal(await page.getAttribute('html', 'lang'), 'fi');
    assert.match(await page.title(), /Kulttuurikartta/);
    assert.ok(await page.isVisible('[data-testid="sample-notice"]'), 'sample data is labelled');
    assert.deepEqual(page.externalRequests, [], 'nothing is fetched from outside loopback');
    await screenshot(page, 'explorer-desktop');
    checkHealthy(page);
    await page.context().close();
  });

  test('phone layout has no horizontal scrolling', async () => {
    const page = await openPage(browser, { viewport: 'phone' });
    await page.goto(root.url);
    await waitForApp(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone screen`);
    await screenshot(page, 'explorer-phone');
    checkHealthy(page);
    await page.context().close();
  });

  test('times are Helsinki times whatever the browser time zone', async () => {
    for (const timezoneId of ['UTC', 'America/New_York']) {
      const page = await openPage(browser, { timezoneId });
      await page.goto(root.url);
      await waitForApp(page);
      await showAllRows(page);
      const pairs = await page.$$eval('[data-testid^="event-list"] [data-event-id] time', (els) =>
        els.map((el) => [el.getAttribute('datetime'), el.textContent]),
      );
      let checked = 0;
      for (const [datetime, text] of pairs) {
        const clock = text.match(/klo (\d{1,2})\.(\d\d)/);
        if (!clock) continue; // all-day events show no clock time
        const [, hh, mm] = datetime.match(/T(\d\d):(\d\d)/);
        assert.equal(`${Number(hh)}.${mm}`, `${clock[1]}.${clock[2]}`, `${timezoneId}: ${datetime} shown as "${text}"`);
        assert.match(datetime, /\+0[23]:00$/, 'Helsinki offsets only');
        checked++;
      }
      assert.ok(checked > 100, `checked ${checked} clock times in ${timezoneId}`);
      checkHealthy(page);
      await page.context().close();
    }
  });

  test('language switch changes the UI and <html lang>, and lives in the URL', async () => {
    const page = await openPage(browser);
    await page.goto(root.url);
    await waitForApp(page);
    await page.getByRole('link', { name: 'Svenska' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'sv');
    assert.match(page.url(), /[?&]lang=sv\b/);
    assert.ok(await page.getByRole('heading', { name: 'Evenemang', exact: true }).isVisible());
    await page.goto(`${root.url}?lang=en`);
    await waitForApp(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.ok(await page.getByRole('heading', { name: 'Events', exact: true }).isVisible());
    await page.goto(`${root.url}?lang=xx`);
    await waitForApp(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'fi', 'an unknown language falls back to the default');
    checkHealthy(page);
    await page.context().close();
  });

  test('an event opens on its own page, which also loads directly', async () => {
    const page = await openPage(browser);
    await page.goto(root.url);
    await waitForApp(page);
    const first = page.locator('[data-testid="event-list"] [data-event-id]').first();
    const id = await first.getAttribute('data-event-id');
    const title = await first.locator('.event-title').innerText();
    await first.locator('a').click();
    await page.waitForSelector('[data-testid="event-page"]');
    assert.equal(await page.getAttribute('[data-testid="event-page"]', 'data-event-id'), id);
    assert.equal(await page.locator('[data-testid="event-page"] h1').innerText(), title);
    assert.match(await page.title(), new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await screenshot(page, 'event-desktop');
    // A shared link: load the event URL fresh.
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.getAttribute('[data-testid="event-page"]', 'data-event-id'), id);
    await page.goBack();
    checkHealthy(page);
    await page.context().close();

    const phone = await openPage(browser, { viewport: 'phone' });
    await phone.goto(`${root.url}event/${encodeURIComponent(id).replace(/%3A/g, ':')}`);
    await waitForApp(phone);
    assert.equal(await phone.getAttribute('[data-testid="event-page"]', 'data-event-id'), id);
    await screenshot(phone, 'event-phone');
    checkHealthy(phone);
    await phone.context().close();
  });

  test('an unknown path and an unknown event get a friendly page', async () => {
    const page = await openPage(browser);
    await page.goto(`${root.url}no/such/page`);
    await waitForApp(page);
    assert.ok(await page.getByRole('heading', { name: 'Sivua ei löytynyt' }).isVisible());
    await screenshot(page, 'not-found-desktop');
    await page.getByRole('link', { name: 'Takaisin tapahtumiin' }).click();
    await page.waitForSelector('[data-testid="result-count"]');
    await page.goto(`${root.url}event/nobody:0`);
    await waitForApp(page);
    assert.ok(await page.isVisible('[data-testid="event-not-found"]'));
    checkHealthy(page);
    await page.context().close();
  });
});

describe('failure', () => {
  test('a feed that answers 404 shows a readable error, not a blank page', async () => {
    const server = await serveDist(join(ROOT, 'dist'), {
      overrides: { '/sample-feed.json': { status: 404, body: 'Not Found', type: 'text/plain' } },
    });
    const page = await openPage(browser);
    await page.goto(server.url);
    await waitForApp(page);
    const alert = page.locator('[data-testid="load-error"]');
    assert.ok(await alert.isVisible());
    assert.equal(await alert.getAttribute('role'), 'alert');
    const text = await alert.innerText();
    assert.match(text, /Tapahtumia ei voitu ladata/);
    assert.match(text, /HTTP 404/);
    assert.ok(await page.getByRole('button', { name: 'Yritä uudelleen' }).isVisible());
    await screenshot(page, 'feed-404-desktop');
    // The browser itself logs the failed request; nothing else may go wrong.
    checkHealthy(page, { allow: [/404/] });
    await page.context().close();
    await server.close();
  });

  test('a feed that is not JSON says so', async () => {
    // Labelled JSON, so it is read as a feed; the same body labelled text/html is named as a
    // web page instead (faults.test.mjs).
    const server = await serveDist(join(ROOT, 'dist'), {
      overrides: { '/sample-feed.json': { body: '<html>oops</html>', type: 'application/json' } },
    });
    const page = await openPage(browser);
    await page.goto(`${server.url}?lang=en`);
    await waitForApp(page);
    const text = await page.locator('[data-testid="load-error"]').innerText();
    assert.match(text, /not in JSON format/);
    assert.match(text, /not valid JSON/);
    checkHealthy(page);
    await page.context().close();
    await server.close();
  });
});

describe('hosted under a sub-path', () => {
  test('the /kulttuurikartta/ build lists events and routes within its prefix', async () => {
    const server = await serveDist(join(ROOT, 'dist-subpath'), { prefix: '/kulttuurikartta' });
    const page = await openPage(browser);
    await page.goto(server.url);
    await waitForApp(page);
    await showAllRows(page);
    const n = await page.locator('[data-testid^="event-list"] [data-event-id]').count();
    assert.ok(n >= 300, `expected ≥300 events, got ${n}`);
    const href = await page.locator('[data-testid="event-list"] [data-event-id] a').first().getAttribute('href');
    assert.match(href, /^\/kulttuurikartta\/event\//);
    await page.locator('[data-testid="event-list"] [data-event-id] a').first().click();
    await page.waitForSelector('[data-testid="event-page"]');
    assert.match(new URL(page.url()).pathname, /^\/kulttuurikartta\/event\//);
    await page.goto(`${server.url}nothing-here`);
    await waitForApp(page);
    assert.ok(await page.isVisible('[data-testid="not-found"]'));
    assert.ok(server.requests.every((p) => p.startsWith('/kulttuurikartta/')), `requests outside the prefix: ${server.requests.filter((p) => !p.startsWith('/kulttuurikartta/'))}`);
    checkHealthy(page);
    await page.context().close();
    await server.close();
  });
});
