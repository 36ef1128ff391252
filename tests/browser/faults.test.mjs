// Nothing lost when parts fail: a paginated feed whose later page fails keeps the pages that
// arrived, one event nested too deep costs only that event, a feed never leads the app to
// another site, and one dead feed never hides another. Every fault is served from loopback.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openPage, checkHealthy, screenshot, waitForApp, listComplete, ROOT } from '../support/browser.mjs';
import { serveDist } from '../support/server.mjs';

const DIST = join(ROOT, 'dist');
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const ev = (id, day) => ({ id, name: { fi: `Tapahtuma ${id}` }, start_time: `2026-12-${day}T17:00:00Z` });
const pageOf = (next, ...events) => JSON.stringify({ meta: { count: 5, next }, data: events });

async function rowIds(page) {
  await listComplete(page);
  return page.$$eval('[data-testid^="event-list"] [data-event-id]', (els) => els.map((el) => el.dataset.eventId));
}

/** The notice of what failed, opened: its text. */
async function failureNotice(page) {
  const notice = page.locator('[data-testid="feed-errors"]');
  await notice.locator('summary').click();
  return notice.innerText();
}

// A failed fetch is logged by the browser itself; that message is the fault under test.
const FETCH_FAILED = [/Failed to load resource: the server responded with a status of (500|404)/];

describe('a paginated feed with a failing page', () => {
  for (const [failing, shown] of [
    [2, ['p:1', 'p:2']],
    [3, ['p:1', 'p:2', 'p:3', 'p:4']],
  ]) {
    test(`page ${failing} of 3 failing keeps the pages before it and says what is missing`, async () => {
      const server = await serveDist(DIST, {
        overrides: {
          '/sample-feed.json': { body: pageOf('page-2.json', ev('p:1', 10), ev('p:2', 11)) },
          '/page-2.json':
            failing === 2 ? { status: 500, body: 'oops' } : { body: pageOf('page-3.json', ev('p:3', 12), ev('p:4', 13)) },
          '/page-3.json': failing === 3 ? { status: 500, body: 'oops' } : { body: pageOf(null, ev('p:5', 14)) },
        },
      });
      const page = await openPage(browser);
      await page.goto(server.url);
      await waitForApp(page);
      assert.deepEqual(await rowIds(page), shown, 'every page that arrived is shown');
      assert.equal(await page.getAttribute('[data-testid="result-count"]', 'data-count'), String(shown.length));
      const notice = await failureNotice(page);
      assert.match(notice, /Osa tapahtumista puuttuu/);
      // meta.count is 5 and the first page has 2: three pages.
      assert.match(notice, new RegExp(`page ${failing}/3: .*page-${failing}\\.json: HTTP 500`));
      assert.ok(await page.isVisible('[data-testid="feed-errors-retry"]'), 'a retry control');
      if (failing === 2) await screenshot(page, 'faults-missing-page-desktop');
      checkHealthy(page, { allow: FETCH_FAILED });
      await page.context().close();
      await server.close();
    });
  }
});

describe('a paginated feed with a saved copy', () => {
  test('a page that fails now comes from its saved copy, marked stale; no event shows twice', async () => {
    const overrides = {
      '/sample-feed.json': { body: pageOf('page-2.json', ev('p:1', 10), ev('p:2', 11)) },
      '/page-2.json': { body: pageOf(null, ev('p:3', 12), ev('p:2', 11)) },
    };
    const server = await serveDist(DIST, { overrides });
    const page = await openPage(browser);
    await page.goto(server.url);
    await waitForApp(page);
    assert.deepEqual(await rowIds(page), ['p:1', 'p:2', 'p:3']);
    await page.waitForTimeout(300);
    overrides['/page-2.json'] = { status: 503, body: 'busy' };
    await page.reload();
    await waitForApp(page);
    assert.deepEqual(await rowIds(page), ['p:1', 'p:2', 'p:3'], 'page 2 from its saved copy, p:2 once');
    assert.match(await page.locator('[data-testid="stale-notice"]').innerText(), /päivitetty viimeksi/);
    checkHealthy(page, { allow: [/status of 503/] });
    await page.context().close();
    await server.close();
  });
});

describe('origins', () => {
  test('a next page on another site is not followed, and the notice says so', async () => {
    const elsewhere = await serveDist(DIST);
    const server = await serveDist(DIST, {
      overrides: {
        '/sample-feed.json': { body: pageOf(`${elsewhere.origin}/page-2.json`, ev('p:1', 10), ev('p:2', 11)) },
      },
    });
    const page = await openPage(browser);
    await page.goto(server.url);
    await waitForApp(page);
    assert.deepEqual(await rowIds(page), ['p:1', 'p:2']);
    const notice = await failureNotice(page);
    assert.match(notice, /Toiselle sivustolle johtavaa osoitetta ei seurattu/);
    assert.match(notice, /next page .*page-2\.json on another site \(http:\/\/127\.0\.0\.1:\d+\) was not followed/);
    assert.deepEqual(elsewhere.requests, [], 'nothing was requested from the other site');
    checkHealthy(page);
    await page.context().close();
    await server.close();
    await elsewhere.close();
  });
});

describe('one bad event', () => {
  test('an event with a field nested 200 levels deep costs only that event', async () => {
    let deep = '1';
    for (let i = 0; i < 200; i++) deep = `{"k":${deep}}`;
    const body = `{"meta":{"next":null},"data":[${JSON.stringify(ev('ok:1', 10))},
      {"id":"deep:1","name":{"fi":"Syvä"},"start_time":"2026-12-11T17:00:00Z","x_custom":${deep}},
      ${JSON.stringify(ev('ok:2', 12))}]}`;
    const server = await serveDist(DIST, { overrides: { '/sample-feed.json': { body } } });
    const page = await openPage(browser);
    await page.goto(server.url);
    await waitForApp(page);
    assert.deepEqual(await rowIds(page), ['ok:1', 'ok:2'], "the feed's good events all show");
    const problems = page.locator('[data-testid="problem-count"]');
    assert.equal(await problems.getAttribute('data-count'), '1');
    await problems.locator('summary').click();
    const detail = await problems.locator('table').innerText();
    assert.match(detail, /data\[1\]\.x_custom/);
    assert.match(detail, /deep:1/);
    assert.match(detail, /nested more than 64 levels deep/);
    checkHealthy(page);
    await page.context().close();
    await server.close();
  });
});

describe('several feeds', () => {
  test('two feeds, one dead: the other one\'s events all show, with a notice', async () => {
    const config = { feeds: ['dead.json', 'alive.json'] };
    const server = await serveDist(DIST, {
      overrides: {
        '/config.json': { body: JSON.stringify(config) },
        '/dead.json': { status: 404, body: 'not here' },
        '/alive.json': { body: pageOf(null, ev('a:1', 10), ev('a:2', 11), ev('a:3', 12)) },
      },
    });
    const page = await openPage(browser);
    await page.goto(server.url);
    await waitForApp(page);
    assert.deepEqual(await rowIds(page), ['a:1', 'a:2', 'a:3']);
    const notice = await failureNotice(page);
    assert.match(notice, /dead\.json: HTTP 404/);
    checkHealthy(page, { allow: FETCH_FAILED });
    await page.context().close();
    await server.close();
  });

  test('feeds are fetched concurrently and merged in config.json\'s order', async () => {
    const config = { feeds: ['slow.json', 'fast.json'] };
    const server = await serveDist(DIST, {
      overrides: {
        '/config.json': { body: JSON.stringify(config) },
        // The same id in both: config.json's first feed wins, whichever arrives first.
        '/slow.json': { delay: 2000, body: pageOf(null, { ...ev('same:1', 10), name: { fi: 'Hidas' } }, ev('s:2', 11)) },
        '/fast.json': { body: pageOf(null, { ...ev('same:1', 10), name: { fi: 'Nopea' } }, ev('f:2', 12)) },
      },
    });
    const page = await openPage(browser);
    await page.goto(server.url);
    // While the slow feed is still being answered, the fast one has already been asked for.
    for (let i = 0; i < 40 && !server.requests.includes('/fast.json'); i++) await page.waitForTimeout(25);
    const asked = [...server.requests];
    assert.ok(asked.includes('/slow.json') && asked.includes('/fast.json'), `both requested at once: ${asked.join(' ')}`);
    await waitForApp(page);
    assert.deepEqual(await rowIds(page), ['same:1', 's:2', 'f:2']);
    assert.match(await page.locator('[data-testid^="event-list"] [data-event-id="same:1"]').innerText(), /Hidas/);
    checkHealthy(page);
    await page.context().close();
    await server.close();
  });
});

/** The error page's text, once loading has failed as a whole. */
async function loadError(page) {
  await page.waitForSelector('[data-testid="load-error"]', { timeout: 30_000 });
  return page.locator('[data-testid="load-error"]').innerText();
}

const GOOD = pageOf(null, ev('g:1', 10), ev('g:2', 11), ev('g:3', 12));
// Short, so that a feed that never answers is given up within the test (three attempts).
const QUICK = { '/config.json': { body: JSON.stringify({ feeds: ['sample-feed.json'], feed_timeout_secs: 1 }) } };

describe('network faults on the only feed', () => {
  test('500 without a saved copy: an error page that says so, with a retry', async () => {
    const server = await serveDist(DIST, { overrides: { '/sample-feed.json': { status: 500, body: 'oops' } } });
    const page = await openPage(browser);
    await page.goto(server.url);
    const text = await loadError(page);
    assert.match(text, /sample-feed\.json: HTTP 500/);
    assert.ok(await page.isVisible('[data-testid="load-error"] button'), 'a retry control');
    checkHealthy(page, { allow: FETCH_FAILED });
    await page.context().close();
    await server.close();
  });

  test('500 with a saved copy: the last good events, marked with their time; a fresh copy replaces them', async () => {
    const overrides = { '/sample-feed.json': { body: GOOD } };
    const server = await serveDist(DIST, { overrides });
    const page = await openPage(browser);
    await page.goto(server.url);
    await waitForApp(page);
    assert.deepEqual(await rowIds(page), ['g:1', 'g:2', 'g:3']);
    await page.waitForTimeout(300); // the copy is saved after the page is drawn
    overrides['/sample-feed.json'] = { status: 500, body: 'oops' };
    await page.reload();
    await waitForApp(page);
    assert.deepEqual(await rowIds(page), ['g:1', 'g:2', 'g:3'], 'nothing lost');
    assert.match(await page.locator('[data-testid="stale-notice"]').innerText(), /päivitetty viimeksi/);
    // The feed recovers without g:2, which was deleted: the saved copy never brings it back.
    overrides['/sample-feed.json'] = { body: pageOf(null, ev('g:1', 10), ev('g:3', 12)) };
    await page.reload();
    await waitForApp(page);
    assert.deepEqual(await rowIds(page), ['g:1', 'g:3']);
    assert.equal(await page.locator('[data-testid="stale-notice"]').count(), 0);
    checkHealthy(page, { allow: FETCH_FAILED });
    await page.context().close();
    await server.close();
  });

  test('404: an error page naming the address', async () => {
    const server = await serveDist(DIST, { overrides: { '/sample-feed.json': { status: 404, body: 'no' } } });
    const page = await openPage(browser);
    await page.goto(server.url);
    assert.match(await loadError(page), /sample-feed\.json: HTTP 404/);
    checkHealthy(page, { allow: FETCH_FAILED });
    await page.context().close();
    await server.close();
  });

  for (const [fault, label] of [
    ['hang', 'a feed that never answers'],
    ['drip', 'a slow drip, a byte every 100 ms, longer than the time limit'],
  ]) {
    test(`${label}: the time limit fires and the message says so`, async () => {
      const server = await serveDist(DIST, { overrides: { ...QUICK, '/sample-feed.json': { fault, body: GOOD } } });
      const page = await openPage(browser);
      await page.goto(server.url);
      const text = await loadError(page);
      assert.match(text, /ei vastannut ajoissa/);
      assert.match(text, /sample-feed\.json: no complete answer in 1 s/);
      checkHealthy(page);
      await page.context().close();
      await server.close();
    });
  }

  test('a body that stops halfway: the feed is not valid JSON, and the message says where', async () => {
    const server = await serveDist(DIST, { overrides: { '/sample-feed.json': { fault: 'truncate', body: GOOD } } });
    const page = await openPage(browser);
    await page.goto(server.url);
    const text = await loadError(page);
    assert.match(text, /ei ole JSON-muodossa/);
    assert.match(text, /sample-feed\.json: the feed is not valid JSON \(line 1, column \d+: EOF while parsing/);
    checkHealthy(page);
    await page.context().close();
    await server.close();
  });

  test('a web page instead of a feed (a login page or captive portal) is named as such', async () => {
    const portal = '<!doctype html><title>Kirjaudu</title><form>Kirjaudu verkkoon</form>';
    const server = await serveDist(DIST, { overrides: { '/sample-feed.json': { type: 'text/html; charset=utf-8', body: portal } } });
    const page = await openPage(browser);
    await page.goto(server.url);
    const text = await loadError(page);
    assert.match(text, /tuli verkkosivu eikä tapahtumasyöte/);
    assert.match(text, /sent a web page \(text\/html; charset=utf-8\), not a feed/);
    checkHealthy(page);
    await page.context().close();
    await server.close();
  });

  test('an allowed origin that does not send CORS headers: the message says CORS', async () => {
    const other = await serveDist(DIST, { overrides: { '/feed.json': { body: GOOD } } });
    const config = { feeds: ['sample-feed.json'], allowed_feed_origins: [other.origin] };
    const server = await serveDist(DIST, { overrides: { '/config.json': { body: JSON.stringify(config) } } });
    const page = await openPage(browser);
    await page.goto(`${server.url}?feed=${encodeURIComponent(`${other.origin}/feed.json`)}`);
    const text = await loadError(page);
    assert.match(text, /feed\.json: .*CORS/);
    assert.ok(other.requests.includes('/feed.json'), 'the request was made and refused by the browser');
    checkHealthy(page, { allow: [/CORS policy|ERR_FAILED/] });
    await page.context().close();
    await server.close();
    await other.close();
  });
});
