// The feed in the browser: both formats, merging, the feed parameter's origin check, bad events,
// hostile content and the last good copy when the network fails.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, openPage, checkHealthy, screenshot, waitForApp, listComplete, showAllRows, ROOT } from '../support/browser.mjs';
import { serveDist } from '../support/server.mjs';

const DIST = join(ROOT, 'dist');
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function rowIds(page) {
  await listComplete(page);
  return page.$$eval('[data-testid^="event-list"] [data-event-id]', (els) => els.map((el) => el.dataset.eventId));
}

describe('formats and merging', () => {
  test('the schema.org JSON-LD sample renders its awkward cases', async () => {
    const server = await serveDist(DIST);
    const page = await openPage(browser);
    await page.goto(`${server.url}?feed=sample-feed-jsonld.json&lang=en`);
    await waitForApp(page);
    const ids = await rowIds(page);
    assert.ok(ids.length >= 8, `rows: ${ids}`);
    const row = (id) => page.locator(`[data-testid^="event-list"] [data-event-id="https://example.invalid/tapahtumat/${id}"]`);
    // Rows far below the fold are not rendered until scrolled to (content-visibility), so their
    // text is read as a user reads it: in view.
    const shownText = async (loc) => {
      await loc.scrollIntoViewIfNeeded();
      return loc.innerText();
    };
    assert.equal(await row('ld-2').getAttribute('data-status'), 'cancelled');
    assert.match(await shownText(row('ld-4')), /Online/);
    assert.match(await shownText(row('ld-5')), /Approximate location/);
    assert.equal(await row('ld-7').getAttribute('data-series-dates'), '3', 'the series is one row');
    assert.ok(await page.locator('[data-testid="event-list-tba"] [data-event-id$="ld-6"]').isVisible(), 'postponed without date');
    // The festival page lists its programme.
    await row('ld-8').locator('a').click();
    await page.waitForSelector('[data-testid="event-page"]');
    assert.equal(await page.locator('[data-testid="event-children"] li').count(), 2);
    await screenshot(page, 'jsonld-festival-desktop');
    checkHealthy(page);
    await page.context().close();
    await server.close();
  });

  test('two feeds merge into one list, each event once', async () => {
    const config = JSON.parse(await readFile(join(DIST, 'config.json'), 'utf8'));
    config.feeds = ['sample-feed.json', 'sample-feed-jsonld.json', 'sample-feed.json?copy=1'];
    const server = await serveDist(DIST, { overrides: { '/config.json': { body: JSON.stringify(config) } } });
    const page = await openPage(browser);
    await page.goto(server.url);
    await waitForApp(page);
    const ids = await rowIds(page);
    assert.equal(new Set(ids).size, ids.length, 'no event appears twice although a feed is loaded twice');
    assert.ok(ids.some((id) => id.startsWith('kulttuurikartta:')), 'Linked Events sample present');
    assert.ok(ids.some((id) => id.includes('/tapahtumat/ld-')), 'JSON-LD sample present');
    checkHealthy(page);
    await page.context().close();
    await server.close();
  });
});

describe('pagination', () => {
  test('meta.next pages are followed, with progress shown while they load', async () => {
    const ev = (id, day) => ({ id, name: { fi: `Tapahtuma ${id}` }, start_time: `2026-12-${day}T17:00:00Z` });
    const server = await serveDist(DIST, {
      overrides: {
        '/sample-feed.json': { body: JSON.stringify({ meta: { count: 5, next: 'page-2.json' }, data: [ev('p:1', 10), ev('p:2', 11)] }) },
        '/page-2.json': { delay: 1500, body: JSON.stringify({ meta: { count: 5, next: 'page-3.json' }, data: [ev('p:3', 12), ev('p:4', 13)] }) },
        '/page-3.json': { body: JSON.stringify({ meta: { count: 5, next: null }, data: [ev('p:5', 14)] }) },
      },
    });
    const page = await openPage(browser);
    await page.goto(server.url);
    const loading = page.locator('[data-testid="loading"]');
    await page.waitForFunction(() => /2 tapahtumaa luettu/.test(document.querySelector('[data-testid="loading"]')?.textContent ?? ''));
    assert.match(await loading.innerText(), /Ladataan tapahtumia/);
    await waitForApp(page);
    assert.deepEqual(await rowIds(page), ['p:1', 'p:2', 'p:3', 'p:4', 'p:5']);
    checkHealthy(page);
    await page.context().close();
    await server.close();
  });
});

describe('the feed URL parameter', () => {
  test('a feed on a foreign origin is refused with a clear message', async () => {
    const server = await serveDist(DIST);
    const page = await openPage(browser);
    await page.goto(`${server.url}?feed=${encodeURIComponent('https://evil.example/feed.json')}&lang=en`);
    await waitForApp(page);
    const text = await page.locator('[data-testid="load-error"]').innerText();
    assert.match(text, /not allowed/);
    assert.match(text, /https:\/\/evil\.example is not among the allowed feed origins/);
    assert.deepEqual(page.externalRequests, [], 'the refused feed was never requested');
    checkHealthy(page);
    await page.context().close();
    await server.close();
  });

  test('a feed on an origin that config.json allows is loaded', async () => {
    const other = await serveDist(DIST); // another loopback origin (another port)
    const config = JSON.parse(await readFile(join(DIST, 'config.json'), 'utf8'));
    config.allowed_feed_origins = [other.origin];
    const server = await serveDist(DIST, { overrides: { '/config.json': { body: JSON.stringify(config) } } });
    const page = await openPage(browser);
    // The other origin must allow the cross-origin read.
    await page.route(`${other.origin}/**`, async (route) => {
      const resp = await route.fetch();
      await route.fulfill({ response: resp, headers: { ...resp.headers(), 'access-control-allow-origin': '*' } });
    });
    await page.goto(`${server.url}?feed=${encodeURIComponent(`${other.origin}/sample-feed-jsonld.json`)}`);
    await waitForApp(page);
    const ids = await rowIds(page);
    assert.ok(ids.length > 0 && ids.every((id) => id.includes('/tapahtumat/ld-')), 'only the allowed feed is shown');
    assert.ok(other.requests.includes('/sample-feed-jsonld.json'));
    checkHealthy(page);
    await page.context().close();
    await server.close();
    await other.close();
  });
});

describe('bad input', () => {
  test('one broken event does not hide the rest, and its problem is one click away', async () => {
    const feed = {
      data: [
        { id: 'ok:1', name: { fi: 'Hyvä tapahtuma' }, start_time: '2026-12-05T17:00:00Z' },
        { id: 'bad:1', name: { fi: 'Rikkinäinen' }, start_time: 'ensi tiistaina' },
        { id: 'ok:2', name: { fi: 'Toinen hyvä' }, start_time: '2026-12-06T17:00:00Z' },
      ],
    };
    const server = await serveDist(DIST, { overrides: { '/sample-feed.json': { body: JSON.stringify(feed) } } });
    const page = await openPage(browser);
    await page.goto(server.url);
    await waitForApp(page);
    assert.deepEqual(await rowIds(page), ['ok:1', 'ok:2']);
    const problems = page.locator('[data-testid="problem-count"]');
    assert.equal(await problems.getAttribute('data-count'), '1');
    assert.match(await problems.innerText(), /1 tapahtumaa ei voitu näyttää/);
    await problems.locator('summary').click();
    const detail = await problems.locator('table').innerText();
    assert.match(detail, /data\[1\]\.start_time/);
    assert.match(detail, /bad:1/);
    assert.match(detail, /"ensi tiistaina" is not a date/);
    await screenshot(page, 'feed-problems-desktop');
    checkHealthy(page);
    await page.context().close();
    await server.close();
  });

  test('hostile feed content renders as harmless text and runs no script', async () => {
    let hostile = await readFile(join(ROOT, 'tests', 'fixtures', 'hostile-feed.json'), 'utf8');
    hostile = hostile
      .replace('TITLE_PLACEHOLDER', `${'Pitkä '.repeat(170_000)}loppu`) // a ~1 MB title
      .replace('NESTED_PLACEHOLDER', `${'<em>'.repeat(5000)}syvällä${'</em>'.repeat(5000)}`)
      // An unknown custom field nested 200 levels deep, as real CMS exports produce.
      .replace('DEEP_PLACEHOLDER', `${'{"k":'.repeat(200)}1${'}'.repeat(200)}`);
    const server = await serveDist(DIST, { overrides: { '/sample-feed.json': { body: hostile } } });
    const page = await openPage(browser);
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    await page.goto(server.url);
    await waitForApp(page);
    const first = page.locator('[data-testid^="event-list"] [data-event-id="hostile:1"]');
    const title = await first.locator('.event-title').innerText();
    assert.match(title, /Vaarallinen otsikko/);
    assert.doesNotMatch(title, /</, 'tags were stripped from the title, not rendered');
    assert.equal(await page.locator('main script, main [onerror], main [onload], main iframe, main object, [data-testid^="event-list"] svg, [data-testid^="event-list"] img').count(), 0);
    assert.ok(await page.locator('[data-testid^="event-list"] [data-event-id="hostile:2"]').isVisible(), 'the 1 MB title is shown, not dropped');
    // The deep event costs only itself: the feed's four other events all show.
    assert.deepEqual(
      (await page.$$eval('[data-testid^="event-list"] [data-event-id]', (els) => els.map((e) => e.dataset.eventId))).sort(),
      ['hostile:1', 'hostile:2', 'hostile:3', 'hostile:4"><script>window.__pwned=\'id\'</script>'],
    );
    assert.equal(await page.getAttribute('[data-testid="problem-count"]', 'data-count'), '1', 'the deep event is reported');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, 'a huge title does not widen the page');

    for (const id of ['hostile:1', 'hostile:3', 'hostile:4"><script>window.__pwned=\'id\'</script>']) {
      await page.goto(`${server.url}event/${encodeURIComponent(id)}`);
      await waitForApp(page);
      assert.equal(await page.getAttribute('[data-testid="event-page"]', 'data-event-id'), id);
    }
    await page.goto(`${server.url}event/${encodeURIComponent('hostile:1')}`);
    await waitForApp(page);
    const hrefs = await page.$$eval('[data-testid="event-page"] a', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.includes('https://example.invalid/ok'), 'the safe link survives');
    for (const h of hrefs) assert.match(h, /^(https?:|mailto:|\/)/, `unsafe link rendered: ${h}`);
    // (The venue's mini map draws its own tiles and positions: not feed content.)
    assert.equal(await page.locator('[data-testid="event-page"] img:not(.event-mini-map *)').count(), 0, 'a javascript: image is dropped');
    const description = await page.locator('.description').innerText();
    assert.match(description, /js-linkki/);
    assert.match(description, /ohjausmerkit/);
    assert.equal(await page.locator('[style]:not(.event-mini-map *)').count(), 0, 'no inline style from the feed');
    // Hover and click everything a script could hang on.
    await page.hover('[data-testid="event-page"] h1');
    await page.locator('.description p').first().click({ position: { x: 2, y: 5 } }); // not on the link
    await screenshot(page, 'hostile-event-desktop');

    assert.equal(await page.evaluate(() => window.__pwned ?? null), null, 'no feed script ran');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(page.externalRequests, [], 'nothing was requested off loopback, not even the place on another site');
    checkHealthy(page);
    await page.context().close();
    await server.close();
  });
});

describe('a dead network', () => {
  test('the last good copy is shown with its time when the feed cannot be fetched', async () => {
    const server = await serveDist(DIST);
    const page = await openPage(browser);
    await page.goto(server.url);
    await waitForApp(page);
    const fresh = (await rowIds(page)).length;
    assert.ok(fresh > 0);
    assert.equal(await page.locator('[data-testid="stale-notice"]').count(), 0);
    // The network goes: every feed request fails from now on.
    await page.route('**/sample-feed.json', (route) => route.abort('internetdisconnected'));
    await page.reload();
    await waitForApp(page);
    const notice = page.locator('[data-testid="stale-notice"]');
    await notice.waitFor();
    assert.match(await notice.innerText(), /tallennettu kopio/);
    assert.match(await notice.locator('time').getAttribute('datetime'), /^\d{4}-\d\d-\d\dT/);
    assert.equal((await rowIds(page)).length, fresh, 'the same events as before');
    await screenshot(page, 'offline-copy-desktop');
    checkHealthy(page, { allow: [/sample-feed\.json/, /ERR_INTERNET_DISCONNECTED/, /Failed to fetch/] });
    await page.context().close();
    await server.close();
  });
});
