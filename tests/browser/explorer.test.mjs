// The explorer: filters, search, URL state, back/forward, languages, the event page's calendar
// export, series and cancelled events, narrow layouts, and a keyboard-only walk.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openPage, checkHealthy, screenshot, waitForApp, listComplete, showAllRows, ROOT } from '../support/browser.mjs';
import { serveDist } from '../support/server.mjs';
import { browser, server, withBrowserAndDist } from '../support/suite.mjs';

withBrowserAndDist();

const count = async (page) => Number(await page.getAttribute('[data-testid="result-count"]', 'data-count'));
const rowAttrs = async (page, name) => {
  await showAllRows(page);
  return page.$$eval('[data-testid^="event-list"] [data-event-id]', (rows, n) => rows.map((r) => r.getAttribute(n)), name);
};
const param = (page, name) => new URL(page.url()).searchParams.get(name);

/** Presses Tab until the focused element matches `selector` (keyboard only, as a user would). */
async function tabTo(page, selector, { max = 200, shift = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Parses an iCalendar text back into its unfolded lines, checking the line rules. */
function parseIcs(text) {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  for (const line of text.split('\r\n')) {
    assert.ok(Buffer.byteLength(line) <= 75, `over 75 octets: ${line}`);
    assert.ok(!line.includes('\n'), 'no bare LF');
  }
  return text.replace(/\r\n /g, '').split('\r\n').filter(Boolean);
}

describe('filters and the URL', () => {
  test('search ignores diacritics; filters round-trip through a reload; back and forward work', async () => {
    const page = await openPage(browser);
    await page.goto(server.url);
    await waitForApp(page);
    const all = await count(page);

    await page.fill('[data-testid="search"]', 'karsamaki');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'karsamaki');
    const found = await count(page);
    assert.ok(found > 0 && found < all, `"karsamaki" finds Kärsämäki: ${found}`);
    assert.deepEqual([...new Set(await rowAttrs(page, 'data-municipality'))], ['317']);
    await page.fill('[data-testid="search"]', '');

    // Municipality: counts are shown before applying, and match what applying gives.
    await page.click('[data-testid="filter-municipality"] summary');
    const kajaani = page.locator('input[name="municipality"][value="205"]');
    const label = await kajaani.getAttribute('aria-label');
    const promised = Number(label.match(/(\d+) tapahtumaa/)[1]);
    await kajaani.check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('municipality') === '205');
    assert.equal(await count(page), promised, `Kajaani promised ${promised}`);
    assert.deepEqual([...new Set(await rowAttrs(page, 'data-municipality'))], ['205']);

    await page.click('[data-testid="filter-category"] summary');
    await page.locator('input[name="category"][value="music"]').check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('category') === 'music');
    await page.click('[data-testid="filter-more"] summary');
    await page.locator('input[name="cancelled"]').check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('cancelled') === 'hide');
    const narrowed = await count(page);
    assert.ok(narrowed > 0 && narrowed < promised);
    assert.ok(!(await rowAttrs(page, 'data-status')).includes('cancelled'));
    const chips = await page.locator('[data-testid="chips"] .chip').allInnerTexts();
    assert.equal(chips.length, 3, `chips: ${chips}`);

    // Reload: the same state.
    await page.reload();
    await waitForApp(page);
    assert.equal(await count(page), narrowed);
    await page.click('[data-testid="filter-municipality"] summary');
    await page.click('[data-testid="filter-more"] summary');
    assert.ok(await page.locator('input[name="municipality"][value="205"]').isChecked());
    assert.ok(await page.locator('input[name="cancelled"]').isChecked());

    // Back undoes one change at a time; forward redoes it.
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.get('cancelled'));
    assert.ok((await count(page)) >= narrowed);
    await page.goForward();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('cancelled') === 'hide');
    assert.equal(await count(page), narrowed);

    // A chip removes its filter; "clear all" removes the rest.
    await page.getByRole('button', { name: /Poista rajaus: Musiikki/ }).click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.get('category'));
    await page.click('[data-testid="clear-filters"]');
    await page.waitForFunction(() => !new URL(location.href).search.includes('municipality'));
    assert.equal(await count(page), all);
    // The open panels follow a change made elsewhere: their options are updated in place.
    assert.ok(!(await page.locator('input[name="municipality"][value="205"]').isChecked()));
    assert.ok(!(await page.locator('input[name="cancelled"]').isChecked()));
    assert.equal(await page.locator('[data-testid="filter-municipality"] summary').innerText(), 'Kunta');
    checkHealthy(page);
    await page.context().close();
  });

  test('options that leave nothing are marked, not hidden; an empty result offers a way out', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.url}?q=zzzzzz-nothing&from=2026-12-01&to=2026-12-02`);
    await waitForApp(page);
    assert.equal(await count(page), 0);
    assert.ok(await page.isVisible('[data-testid="empty-state"]'));
    await page.click('[data-testid="filter-municipality"] summary');
    // A panel builds its options when first opened.
    await page.locator('input[name="municipality"]').first().waitFor();
    assert.equal(await page.locator('input[name="municipality"]').count(), 38, 'every municipality is still offered');
    assert.match(await page.locator('input[name="municipality"][value="564"]').getAttribute('aria-label'), /ei tuloksia/);
    await page.getByRole('button', { name: 'Näytä kaikki tulevat' }).click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.get('from'));
    await page.getByRole('button', { name: 'Tyhjennä kaikki' }).first().click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.get('q'));
    assert.ok((await count(page)) > 300);
    checkHealthy(page);
    await page.context().close();
  });

  test('a filter change draws its first rows at once, then the whole page; "show more" counts from the page', async () => {
    const page = await openPage(browser);
    await page.goto(server.url);
    await waitForApp(page);
    await listComplete(page);
    const rows = page.locator('[data-testid^="event-list"] [data-event-id]');
    const more = page.locator('[data-testid="show-more"]');
    assert.equal(await rows.count(), 100, 'a first page of 100 rows');
    const remainingBefore = await more.innerText();
    await page.click('[data-testid="filter-more"] summary');
    await page.locator('input[name="free"]').waitFor();
    // Read in the task of the click, before the browser is idle: the rows drawn with the change.
    // Blocks (a heading and its list) that stay the same keep their elements; the others are new.
    const atOnce = await page.evaluate(() => {
      for (const el of document.querySelectorAll('.event-list')) el.__kkBefore = true;
      const was = document.querySelector('[data-testid="result-count"]').dataset.count;
      document.querySelector('input[name="free"]').click();
      return new Promise((done) => {
        const read = () => ({
          count: document.querySelector('[data-testid="result-count"]').dataset.count,
          rows: document.querySelectorAll('[data-testid^="event-list"] [data-event-id]').length,
          newRows: [...document.querySelectorAll('.event-list')].filter((el) => !el.__kkBefore).reduce((n, el) => n + el.children.length, 0),
          busy: document.querySelector('section.results').getAttribute('aria-busy'),
          more: document.querySelector('[data-testid="show-more"]')?.innerText ?? null,
        });
        const o = new MutationObserver(() => {
          const r = read();
          if (r.count !== was && r.rows > 0) (o.disconnect(), done(r));
        });
        o.observe(document.body, { subtree: true, childList: true, attributes: true });
      });
    });
    const free = Number(atOnce.count);
    assert.ok(free > 100, `enough free events for a second page: ${free}`);
    assert.ok(atOnce.newRows > 0 && atOnce.newRows <= 20, `new rows drawn with the change: ${atOnce.newRows}`);
    assert.ok(atOnce.rows < 100, `not the whole page yet: ${atOnce.rows}`);
    assert.equal(atOnce.busy, 'true', 'the list says it is still being filled');
    await listComplete(page);
    assert.equal(await rows.count(), 100, 'then the whole first page');
    // A series row stands for several dates: what remains is counted in rows, from the page.
    const remaining = Number((await more.innerText()).match(/\((\d+)/)[1]);
    assert.equal(atOnce.more, await more.innerText(), 'the remaining count did not jump');
    assert.notEqual(await more.innerText(), remainingBefore);
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="event-list"] [data-event-id]').length === n, 100 + Math.min(100, remaining));
    checkHealthy(page);
    await page.context().close();
  });

  test('malformed parameters are ignored; names and region shortcuts work', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.url}?municipality=Kajaani,nowhere&category=opera&free=maybe&from=tomorrow&event=%3Cscript%3E`);
    await waitForApp(page);
    assert.deepEqual([...new Set(await rowAttrs(page, 'data-municipality'))], ['205']);
    await page.goto(`${server.url}?municipality=kainuu`);
    await waitForApp(page);
    const codes = new Set(await rowAttrs(page, 'data-municipality'));
    for (const c of codes) assert.ok(['105', '205', '290', '578', '620', '697', '765', '777'].includes(c), c);
    checkHealthy(page);
    await page.context().close();
  });

  test('switching language keeps the filters and translates the UI', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.url}?municipality=564&from=2026-12-01&to=2026-12-07`);
    await waitForApp(page);
    const n = await count(page);
    await page.getByRole('link', { name: 'Svenska' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'sv');
    assert.equal(param(page, 'municipality'), '564');
    assert.equal(await count(page), n);
    assert.match(await page.locator('[data-testid="result-count"]').innerText(), /evenemang/);
    assert.ok(await page.getByRole('button', { name: 'I dag' }).isVisible());
    assert.match(await page.locator('[data-testid="window-chip"]').innerText(), /Tidsperiod: 1\.–7\.12\.2026/);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await page.locator('[data-testid="window-chip"]').innerText(), /1–7 Dec 2026/);
    // A filter changed on the page is kept too: the language links follow the address.
    await page.click('[data-preset="tomorrow"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('from') === '2026-11-29');
    await page.getByRole('link', { name: 'Suomi' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'fi');
    assert.equal(param(page, 'from'), '2026-11-29');
    assert.equal(param(page, 'municipality'), '564');
    checkHealthy(page);
    await page.context().close();
  });

  test('nothing scrolls sideways at 320 px, in any panel', async () => {
    const page = await openPage(browser, { viewport: { width: 320, height: 640 } });
    await page.goto(server.url);
    await waitForApp(page);
    for (const panel of ['show-list', 'show-map', 'show-timeline']) {
      await page.click(`[data-testid="${panel}"]`);
      await page.waitForTimeout(150);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${panel}: ${overflow}px too wide`);
    }
    await page.click('[data-testid="show-list"]');
    await page.click('[data-testid="filter-municipality"] summary');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `open filters: ${overflow}px too wide`);
    await screenshot(page, 'explorer-320');
    checkHealthy(page);
    await page.context().close();
  });
});

describe('event page', () => {
  test('add to calendar downloads a valid .ics; share copies the link', async () => {
    const page = await openPage(browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto(server.url);
    await waitForApp(page);
    const first = page.locator('[data-testid="event-list"] [data-event-id]:not([data-series-dates])').first();
    const id = await first.getAttribute('data-event-id');
    await first.locator('a').click();
    await page.waitForSelector('[data-testid="event-page"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="add-to-calendar"]')]);
    assert.match(download.suggestedFilename(), /^[a-z0-9-]+\.ics$/);
    const lines = parseIcs(await readFile(await download.path(), 'utf8'));
    assert.equal(lines[0], 'BEGIN:VCALENDAR');
    assert.ok(lines.includes('TZID:Europe/Helsinki'), 'VTIMEZONE');
    assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 1);
    assert.ok(lines.some((l) => l === `UID:${id}@kulttuurikartta`));
    assert.ok(lines.some((l) => /^DTSTART(;TZID=Europe\/Helsinki:\d{8}T\d{6}|;VALUE=DATE:\d{8})$/.test(l)));
    assert.ok(lines.some((l) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(l)));
    // The page describes itself for sharing and search engines.
    const ld = JSON.parse(await page.locator('script#page-json-ld').textContent());
    assert.equal(ld['@type'], 'Event');
    assert.ok(await page.getAttribute('meta[name="description"]', 'content'));
    await page.click('[data-testid="share"]');
    await page.waitForSelector('[data-testid="share-status"]:has-text("kopioitu")');
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /\/event\//);
    checkHealthy(page);
    await page.context().close();
  });

  test('a series page lists its dates and exports them all; a cancelled event says so', async () => {
    const page = await openPage(browser);
    await page.goto(server.url);
    await waitForApp(page);
    const series = page.locator('[data-testid="event-list"] [data-series-dates]').first();
    const dates = Number(await series.getAttribute('data-series-dates'));
    await series.locator('a').click();
    await page.waitForSelector('[data-testid="event-page"]');
    assert.ok((await page.locator('[data-related-id]').count()) >= dates);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="add-to-calendar"]')]);
    const lines = parseIcs(await readFile(await download.path(), 'utf8'));
    assert.ok(lines.filter((l) => l === 'BEGIN:VEVENT').length >= dates, 'every date of the series');
    await screenshot(page, 'event-series-desktop');

    // Duration and a small map of the venue.
    await page.goto(`${server.url}event/kulttuurikartta%3A00286`);
    await page.waitForSelector('[data-testid="event-page"]');
    assert.equal(await page.locator('[data-testid="event-duration"]').innerText(), '2 h');
    await page.waitForSelector('.event-mini-map [data-testid="map"] .marker[data-event-id="kulttuurikartta:00286"]');

    await page.goto(`${server.url}event/kulttuurikartta%3A00397`);
    await page.waitForSelector('[data-testid="event-page"]');
    assert.match(await page.locator('[data-testid="event-status"]').innerText(), /Peruttu/);
    const ld = JSON.parse(await page.locator('script#page-json-ld').textContent());
    assert.equal(ld.eventStatus, 'https://schema.org/EventCancelled');
    checkHealthy(page);
    await page.context().close();
  });
});

describe('keyboard only', () => {
  test('find an event by text, filter by municipality and time, open it, add it to the calendar and return', async () => {
    const page = await openPage(browser);
    await page.goto(server.url);
    await waitForApp(page);
    await tabTo(page, '[data-testid="search"]');
    await page.keyboard.type('musiikki');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'musiikki');
    await tabTo(page, '[data-testid="filter-municipality"] summary');
    await page.keyboard.press('Enter');
    await tabTo(page, 'input[name="municipality"][value="564"]');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('municipality') === '564');
    // The option just used keeps the focus, checked, while the counts around it change.
    await page.waitForTimeout(100);
    assert.ok(await page.evaluate(() => document.activeElement.matches('input[name="municipality"][value="564"]:checked')));
    await tabTo(page, '[data-preset="next7"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('to') === '2026-12-04');
    const n = await count(page);
    assert.ok(n > 0, 'music in Oulu in the next seven days');
    await tabTo(page, '[data-testid="event-list"] [data-event-id] a');
    const title = await page.evaluate(() => document.activeElement.textContent);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="event-page"]');
    assert.equal(await page.locator('[data-testid="event-page"] h1').innerText(), title);
    await tabTo(page, '[data-testid="add-to-calendar"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.match(download.suggestedFilename(), /\.ics$/);
    await page.goBack();
    await waitForApp(page);
    assert.equal(param(page, 'q'), 'musiikki');
    assert.equal(param(page, 'municipality'), '564');
    assert.equal(await count(page), n, 'back where we were');
    checkHealthy(page);
    await page.context().close();
  });
});

describe('accessibility statement', () => {
  test('is linked from every page, in each language, with the feedback address from config.json', async () => {
    const config = JSON.parse(await readFile(join(ROOT, 'dist', 'config.json'), 'utf8'));
    config.feedback_email = 'palaute@kunta.example';
    const custom = await serveDist(join(ROOT, 'dist'), { overrides: { '/config.json': { body: JSON.stringify(config) } } });
    const page = await openPage(browser);
    await page.goto(`${custom.url}?lang=sv`);
    await waitForApp(page);
    await page.click('[data-testid="statement-link"]');
    await page.waitForSelector('[data-testid="statement"]');
    assert.equal(await page.locator('h1').innerText(), 'Tillgänglighetsutlåtande');
    assert.equal(await page.getAttribute('[data-testid="feedback-email"]', 'href'), 'mailto:palaute@kunta.example');
    assert.match(await page.title(), /Tillgänglighetsutlåtande/);
    await screenshot(page, 'statement-desktop');
    checkHealthy(page);
    await page.context().close();
    await custom.close();
  });
});
