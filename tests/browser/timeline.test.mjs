// The timeline: brushing, presets, zoom, playback and a shared window, and that the map and
// the list follow the window.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, checkHealthy, screenshot, waitForApp, showAllRows } from '../support/browser.mjs';
import { browser, server, withBrowserAndDist } from '../support/suite.mjs';

withBrowserAndDist();

const timeline = '[data-testid="timeline"]';
const attr = (page, name) => page.getAttribute(timeline, name);
const count = async (page) => Number(await page.getAttribute('[data-testid="result-count"]', 'data-count'));

/** Events the list shows (a series row stands for its dates) and the located ones among them. */
async function listTotals(page) {
  await showAllRows(page);
  return page.$$eval('[data-testid^="event-list"] [data-event-id]', (rows) => {
    const n = (r) => Number(r.dataset.seriesDates ?? 1);
    return {
      all: rows.reduce((s, r) => s + n(r), 0),
      located: rows.filter((r) => ['exact', 'approximate'].includes(r.dataset.location)).reduce((s, r) => s + n(r), 0),
    };
  });
}

/** What the map shows: cluster counts plus single markers. */
const mapTotal = (page) =>
  page.$$eval('[data-testid="map"] [data-cluster-count], [data-testid="map"] .marker[data-event-id]', (els) =>
    els.reduce((n, el) => n + (el.dataset.clusterCount ? Number(el.dataset.clusterCount) : 1), 0),
  );

async function open(path = '') {
  const page = await openPage(browser);
  await page.goto(server.url + path);
  await waitForApp(page);
  await page.waitForSelector(`${timeline}[data-view-start]`);
  return page;
}

describe('timeline', () => {
  test('brushing a window filters the list and the map, and puts it in the URL', async () => {
    const page = await open();
    const before = await count(page);
    assert.equal(await attr(page, 'data-window-start'), null, 'no window at first');
    const box = await page.locator('.timeline-axis').boundingBox();
    // Drag across the plot (below the scale) over about a week.
    await page.mouse.move(box.x + 200, box.y + 90);
    await page.mouse.down();
    await page.mouse.move(box.x + 400, box.y + 90, { steps: 6 });
    await page.mouse.up();
    await page.waitForFunction((sel) => document.querySelector(sel).dataset.windowStart, timeline);
    const start = await attr(page, 'data-window-start');
    const end = await attr(page, 'data-window-end');
    assert.match(start, /^2026-1[12]-\d\dT00:00:00\+02:00$/, 'snapped to a Helsinki midnight');
    assert.match(end, /T00:00:00\+02:00$/);
    // The URL follows once the frame that shows the window is drawn.
    await page.waitForFunction(() => new URL(location.href).searchParams.get('to'));
    const url = new URL(page.url());
    assert.match(url.searchParams.get('from'), /^\d{4}-\d\d-\d\d$/);
    assert.match(url.searchParams.get('to'), /^\d{4}-\d\d-\d\d$/);

    const after = await count(page);
    assert.ok(after > 0 && after < before, `the window narrows the results: ${before} -> ${after}`);
    const totals = await listTotals(page);
    assert.equal(totals.all, after, 'the list shows what the count says');
    assert.equal(await mapTotal(page), totals.located, 'the map shows the located ones among them');
    // Every listed event overlaps the window.
    const [ws, we] = [Date.parse(start), Date.parse(end)];
    const times = await page.$$eval('[data-testid^="event-list"] [data-event-id] time', (els) => els.map((e) => e.getAttribute('datetime')));
    for (const t of times) assert.ok(Date.parse(t) < we, `${t} starts before the window ends`);
    assert.ok(ws < we);
    // The slider speaks the window and its count.
    const valuetext = await page.getAttribute('.timeline-window', 'aria-valuetext');
    assert.match(valuetext, new RegExp(`, ${after} tapahtumaa$`));
    await screenshot(page, 'timeline-brushed-desktop');
    checkHealthy(page);
    await page.context().close();
  });

  test('presets set the window; "all upcoming" clears it; the slider moves by keyboard', async () => {
    const page = await open();
    const all = await count(page);
    await page.click('[data-preset="today"]');
    await page.waitForFunction((sel) => document.querySelector(sel).dataset.windowStart, timeline);
    assert.equal(await attr(page, 'data-window-start'), '2026-11-28T00:00:00+02:00');
    assert.equal(await attr(page, 'data-window-end'), '2026-11-29T00:00:00+02:00');
    assert.equal(await page.getAttribute('[data-preset="today"]', 'aria-pressed'), 'true');
    const today = await count(page);
    assert.ok(today < all);

    await page.click('[data-preset="weekend"]');
    await page.waitForFunction((sel) => document.querySelector(sel).dataset.windowEnd === '2026-11-30T00:00:00+02:00', timeline);
    assert.equal(await attr(page, 'data-window-start'), '2026-11-28T00:00:00+02:00', 'on a Saturday the weekend is today and tomorrow');

    await page.click('[data-preset="next7"]');
    await page.waitForFunction((sel) => document.querySelector(sel).dataset.windowEnd === '2026-12-05T00:00:00+02:00', timeline);
    const week = await count(page);
    // Keyboard: the window is a slider; the right arrow moves it a day later.
    await page.focus('.timeline-window');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((sel) => document.querySelector(sel).dataset.windowStart === '2026-11-29T00:00:00+02:00', timeline);
    await page.keyboard.press('Shift+ArrowRight');
    await page.waitForFunction((sel) => document.querySelector(sel).dataset.windowEnd === '2026-12-07T00:00:00+02:00', timeline);
    await page.keyboard.press('Home');
    await page.waitForFunction((sel) => document.querySelector(sel).dataset.windowStart === '2026-11-28T00:00:00+02:00', timeline);
    assert.ok((await count(page)) >= week, 'a longer window holds at least as much');

    await page.click('[data-preset="all"]');
    await page.waitForFunction((sel) => !document.querySelector(sel).dataset.windowStart, timeline);
    assert.equal(await count(page), all);
    await page.waitForFunction(() => !new URL(location.href).searchParams.get('from'));
    // Back goes to the previous window.
    await page.goBack();
    await page.waitForFunction((sel) => document.querySelector(sel).dataset.windowStart, timeline);
    checkHealthy(page);
    await page.context().close();
  });

  test('axis labels never overlap, whatever the zoom and wherever a month begins', async () => {
    const page = await open('?from=2026-11-28&to=2026-11-29');
    await page.focus('.timeline-axis');
    const overlaps = () => page.$$eval('.timeline-svg text.context, .timeline-svg .tick text', (els) => {
      const rows = new Map();
      for (const el of els) {
        const r = el.getBoundingClientRect();
        if (r.width === 0) continue;
        const key = el.classList.contains('context') ? 'context' : 'tick';
        rows.set(key, [...(rows.get(key) ?? []), { text: el.textContent, left: r.left, right: r.right }]);
      }
      const found = [];
      for (const boxes of rows.values()) {
        boxes.sort((a, b) => a.left - b.left);
        for (let i = 1; i < boxes.length; i++) {
          if (boxes[i].left < boxes[i - 1].right) found.push(`${boxes[i - 1].text} / ${boxes[i].text}`);
        }
      }
      return found;
    });
    let steps = 0;
    // Zoom out and in step by step, panning so that month boundaries pass the left edge.
    for (const key of ['-', '-', '-', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', '+', 'ArrowLeft', 'ArrowLeft', '+', '+', 'ArrowRight',
      'ArrowRight', 'ArrowRight', '-', '-', '-', '-', 'ArrowLeft', 'ArrowLeft', '-', '-', '+', '+', '+', '+', '+', 'ArrowRight']) {
      const view = await attr(page, 'data-view-start');
      await page.keyboard.press(key);
      await page.waitForFunction(([sel, v]) => document.querySelector(sel).dataset.viewStart !== v, [timeline, view]).catch(() => {});
      assert.deepEqual(await overlaps(), [], `after ${++steps} steps (${key}), view from ${await attr(page, 'data-view-start')}`);
    }
    assert.ok((await page.locator('.timeline-svg text.context').count()) > 0);
    await page.context().close();
  });

  test('zoom by buttons, keys and the focused wheel; labels stay readable', async () => {
    const page = await open();
    const span = async () => Date.parse(await attr(page, 'data-view-end')) - Date.parse(await attr(page, 'data-view-start'));
    const s0 = await span();
    await page.click('[data-testid="timeline-zoom-in"]');
    const s1 = await span();
    assert.ok(s1 < s0 * 0.8, `zoom in narrows the view: ${s0} -> ${s1}`);
    await page.focus('.timeline-axis');
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    assert.ok((await span()) > s1, 'minus zooms out');
    const before = await attr(page, 'data-view-start');
    await page.keyboard.press('ArrowRight');
    assert.ok(Date.parse(await attr(page, 'data-view-start')) > Date.parse(before), 'the right arrow pans later');
    // Zoom in as far as it goes: a day, with hour labels.
    for (let i = 0; i < 12; i++) await page.click('[data-testid="timeline-zoom-in"]');
    assert.equal(await span(), 24 * 3600 * 1000, 'the closest zoom is one day');
    const labels = await page.$$eval('.timeline-svg .tick text', (els) => els.map((e) => e.textContent));
    assert.ok(labels.every((l) => /^\d{1,2}\.00$/.test(l)), `hour labels in Finnish style: ${labels.join(' ')}`);
    // All the way out: two years, drawn as a histogram rather than thousands of items.
    for (let i = 0; i < 20; i++) await page.click('[data-testid="timeline-zoom-out"]');
    assert.equal(await span(), 731 * 24 * 3600 * 1000, 'the widest zoom is two years');
    assert.ok((await page.locator('.timeline-svg text').count()) < 60, 'no pile of labels');
    // Two fingers spreading apart zoom in (synthetic touch pointers).
    const beforePinch = await span();
    await page.locator('.timeline-axis').evaluate((el) => {
      const r = el.getBoundingClientRect();
      const y = r.top + 90;
      const mid = r.left + r.width / 2;
      const ev = (type, id, dx) => new PointerEvent(type, { pointerId: id, pointerType: 'touch', button: 0, clientX: mid + dx, clientY: y, bubbles: true });
      el.dispatchEvent(ev('pointerdown', 21, -40));
      el.dispatchEvent(ev('pointerdown', 22, 40));
      for (let d = 40; d <= 160; d += 40) {
        el.dispatchEvent(ev('pointermove', 21, -d));
        el.dispatchEvent(ev('pointermove', 22, d));
      }
      el.dispatchEvent(ev('pointerup', 21, -160));
      el.dispatchEvent(ev('pointerup', 22, 160));
    });
    assert.ok((await span()) < beforePinch / 2, `pinch zooms in: ${beforePinch} -> ${await span()}`);
    // The wheel only zooms when the timeline has focus.
    await page.evaluate(() => document.activeElement?.blur());
    const box = await page.locator('.timeline-axis').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + 80);
    const s2 = await span();
    await page.mouse.wheel(0, -400);
    await page.waitForTimeout(100);
    assert.equal(await span(), s2, 'no zoom without focus');
    checkHealthy(page);
    await page.context().close();
  });

  test('holidays, weekends and the now line are drawn', async () => {
    const page = await open('?from=2026-12-01&to=2026-12-31');
    const titles = await page.$$eval('.timeline-svg .holiday title', (els) => els.map((e) => e.textContent));
    for (const h of ['Itsenäisyyspäivä', 'Jouluaatto', 'Joulupäivä', 'Tapaninpäivä']) assert.ok(titles.includes(h), `${h} in ${titles}`);
    assert.ok((await page.locator('.timeline-svg .weekend').count()) >= 8);
    checkHealthy(page);
    await page.context().close();
  });

  test('play steps the window forward; pause stops it', async () => {
    const page = await open('?from=2026-11-28&to=2026-11-28');
    await page.selectOption('#play-speed', '1000');
    await page.click('[data-testid="play"]');
    assert.equal(await page.getAttribute('[data-testid="play"]', 'aria-pressed'), 'true');
    await page.waitForFunction((sel) => document.querySelector(sel).dataset.windowStart === '2026-11-30T00:00:00+02:00', timeline, { timeout: 6000 });
    await page.click('[data-testid="play"]');
    assert.equal(await page.getAttribute('[data-testid="play"]', 'aria-pressed'), 'false');
    const paused = await attr(page, 'data-window-start');
    await page.waitForTimeout(2500);
    assert.equal(await attr(page, 'data-window-start'), paused, 'nothing moves while paused');
    // Escape also pauses.
    await page.click('[data-testid="play"]');
    await page.keyboard.press('Escape');
    assert.equal(await page.getAttribute('[data-testid="play"]', 'aria-pressed'), 'false');
    checkHealthy(page);
    await page.context().close();
  });

  test('a shared link opens with its window, and selecting on the timeline selects everywhere', async () => {
    const page = await open('?from=2026-12-01&to=2026-12-07');
    assert.equal(await attr(page, 'data-window-start'), '2026-12-01T00:00:00+02:00');
    assert.equal(await attr(page, 'data-window-end'), '2026-12-08T00:00:00+02:00');
    const viewStart = Date.parse(await attr(page, 'data-view-start'));
    assert.ok(viewStart <= Date.parse('2026-12-01T00:00:00+02:00'), 'the window is in view');
    assert.equal(await page.locator('[data-preset][aria-pressed="true"]').count(), 0, 'no preset matches');
    // Click an item on the timeline: it is selected in the list and the URL.
    const item = page.locator('.timeline-svg .item').first();
    const id = await item.getAttribute('data-event-id');
    const b = await item.boundingBox();
    await page.mouse.click(b.x + Math.min(b.width / 2, 3), b.y + b.height / 2);
    await page.waitForFunction((i) => new URL(location.href).searchParams.get('event') === i, id);
    await page.reload();
    await waitForApp(page);
    await page.waitForSelector('.timeline-svg .item.selected, .timeline-svg .selected-date');
    assert.equal(new URL(page.url()).searchParams.get('from'), '2026-12-01');
    checkHealthy(page);
    await page.context().close();
  });

  test('on a phone the timeline is its own panel and stays usable', async () => {
    const page = await openPage(browser, { viewport: 'phone' });
    await page.goto(server.url);
    await waitForApp(page);
    await page.click('[data-testid="show-timeline"]');
    await page.waitForSelector(`${timeline}[data-view-start]`);
    await page.click('[data-preset="next7"]');
    await page.waitForFunction((sel) => document.querySelector(sel).dataset.windowStart, timeline);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scroll: ${overflow}`);
    await screenshot(page, 'timeline-phone');
    // The window stays visible as a chip on the list panel.
    await page.click('[data-testid="show-list"]');
    assert.ok(await page.isVisible('[data-testid="window-chip"]'));
    checkHealthy(page);
    await page.context().close();
  });
});
