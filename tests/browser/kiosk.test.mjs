// Kiosk mode: idle countdown and reset, the attract loop, QR codes instead of links (decoded
// back), a soak of simulated hours with feed refreshes (heap and DOM figures printed), recovery
// from a panic, and starting offline from the service worker's caches, plus its update path.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openPage, checkHealthy, screenshot, waitForApp, TEST_NOW, ROOT } from '../support/browser.mjs';
import { serveDist } from '../support/server.mjs';
import { browser, server, withBrowserAndDist } from '../support/suite.mjs';

const JSQR = await readFile(join(ROOT, 'tests', 'node_modules', 'jsqr', 'dist', 'jsQR.js'), 'utf8');
withBrowserAndDist();

/** A kiosk page whose timers we can fast-forward (Playwright's clock, starting at TEST_NOW). */
async function kiosk(path, { viewport = { width: 1920, height: 1080 }, url = server.url } = {}) {
  const page = await openPage(browser, { viewport, now: null });
  await page.clock.install({ time: TEST_NOW });
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => (window.__kkWasm = e.detail.wasm)));
  await page.goto(`${url}${path}`);
  await waitForApp(page);
  // From here on time moves only when the test says so.
  await page.clock.pauseAt(new Date(TEST_NOW.getTime() + 30_000));
  return page;
}
const param = (page, name) => new URL(page.url()).searchParams.get(name);
/** The URL is written when the browser is idle after a change: let the paused clock get there. */
async function urlFollows(page, name) {
  await page.clock.runFor(250);
  await page.waitForFunction((n) => new URL(location.href).searchParams.get(n), name);
}

describe('kiosk', () => {
  test('the idle countdown gives 20 seconds, a touch keeps the state, and time-out resets it', async () => {
    const page = await kiosk('kiosk?idle=20&attract=0');
    await page.click('[data-preset="today"]');
    await urlFollows(page, 'from');
    await page.clock.runFor(18_000);
    assert.equal(await page.locator('[data-testid="idle-countdown"]').count(), 0, 'not before the idle time');
    await page.clock.runFor(1_000);
    await page.clock.runFor(2_000);
    await page.waitForSelector('[data-testid="idle-countdown"]');
    assert.ok(Number(await page.getAttribute('[data-testid="idle-countdown"]', 'data-seconds')) >= 19, 'at least 20 s to react');
    assert.match(await page.locator('[data-testid="idle-countdown"]').innerText(), /Oletko vielä siellä/);
    await screenshot(page, 'kiosk-countdown-1920');
    // A touch: the countdown goes, the state stays.
    await page.mouse.click(900, 700);
    await page.waitForSelector('[data-testid="idle-countdown"]', { state: 'detached' });
    assert.ok(param(page, 'from'), 'still filtered');
    // Untouched: countdown, then reset to the home state.
    await page.clock.runFor(42_000);
    await page.waitForFunction(() => !new URL(location.href).searchParams.get('from'));
    assert.equal(new URL(page.url()).pathname, '/kiosk');
    assert.equal(param(page, 'idle'), '20', 'the kiosk keeps its own settings');
    assert.equal(await page.locator('[data-testid="idle-countdown"]').count(), 0);
    assert.equal(await page.locator('.timeline[data-window-start]').count(), 0, 'the window is cleared');
    checkHealthy(page);
    await page.context().close();
  });

  test('the attract loop starts when idle, highlights events one by one and stops on touch', async () => {
    const page = await kiosk('kiosk?idle=20&attract_secs=5');
    await page.clock.runFor(21_000);
    await page.clock.runFor(5_000);
    await page.waitForSelector('[data-testid="attract"][data-event-id]:not([data-event-id=""])');
    const first = await page.getAttribute('[data-testid="attract"]', 'data-event-id');
    assert.equal(param(page, 'event'), first, 'the shown event is selected');
    assert.ok(param(page, 'from'), 'its day is the window');
    await page.waitForSelector('.timeline-svg .item.selected, .timeline-svg .selected-date');
    await page.waitForSelector(`[data-testid^="event-list"] .event-row.selected`);
    await screenshot(page, 'kiosk-attract-1920');
    await page.clock.runFor(5_000);
    await page.waitForFunction((id) => document.querySelector('[data-testid="attract"]')?.dataset.eventId !== id, first);
    // Any touch stops the show.
    await page.mouse.click(960, 300);
    await page.waitForSelector('[data-testid="attract"]', { state: 'detached' });
    const stopped = page.url();
    await page.clock.runFor(6_000);
    assert.equal(page.url(), stopped, 'nothing moves after the touch');
    checkHealthy(page);
    await page.context().close();
  });

  test('no link leads away: outbound links are QR codes that decode to the right addresses', async () => {
    const page = await kiosk('kiosk?idle=60&attract=0', { viewport: { width: 1080, height: 1920 } });
    await screenshot(page, 'kiosk-portrait');
    const offsite = async () =>
      page.$$eval('a[href]', (as) => as.filter((a) => new URL(a.href, location.href).origin !== location.origin || a.target === '_blank').map((a) => a.href));
    assert.deepEqual(await offsite(), [], 'explorer');
    // An event with tickets and more information, reached inside the app as a visitor would.
    await page.evaluate(() => {
      history.pushState({}, '', '/event/kulttuurikartta%3A00286?lang=fi');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.waitForSelector('[data-testid="event-page"]');
    assert.deepEqual(await offsite(), [], 'event page');
    assert.equal(await page.locator('[data-testid="add-to-calendar"], [data-testid="share"]').count(), 0);
    await page.addScriptTag({ content: JSQR });
    const decoded = await page.$$eval('[data-testid="qr"]', async (figs) => {
      const out = [];
      for (const fig of figs) {
        const svg = fig.querySelector('svg');
        const img = new Image();
        img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 400;
        const ctx = canvas.getContext('2d');
        ctx.drawImage(img, 0, 0, 400, 400);
        const data = ctx.getImageData(0, 0, 400, 400);
        out.push({ label: fig.querySelector('figcaption').textContent, text: window.jsQR(data.data, 400, 400)?.data ?? null, px: svg.getBoundingClientRect().width });
      }
      return out;
    });
    const by = (label) => decoded.find((d) => d.label === label)?.text;
    assert.equal(by('Skannaa: liput'), 'https://example.invalid/liput');
    assert.equal(by('Skannaa: lisätietoja'), 'https://example.invalid/tapahtumat/kulttuurikartta:00286');
    assert.match(by('Skannaa: avaa puhelimessa'), /^http:\/\/127\.0\.0\.1:\d+\/event\/kulttuurikartta(:|%3A)00286\?lang=fi$/);
    for (const d of decoded) assert.ok(d.px >= 200, `${d.label}: ${d.px}px is big enough to scan`);
    await screenshot(page, 'kiosk-event-portrait');
    checkHealthy(page);
    await page.context().close();
  });

  test('soak: simulated hours of attract loop and feed refreshes keep DOM and heap flat', async () => {
    const soak = await serveDist(join(ROOT, 'dist'));
    const page = await kiosk('kiosk?idle=20&refresh=10', { url: soak.url });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const measure = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const dom = await cdp.send('Memory.getDOMCounters');
      const inPage = await page.evaluate(() => ({
        elements: document.getElementsByTagName('*').length,
        wasm: window.__kkWasm?.memory?.buffer.byteLength ?? 0,
      }));
      return { heap: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners, ...inPage };
    };
    const feedFetches = () => soak.requests.filter((p) => p.endsWith('sample-feed.json')).length;
    // Fake time jumps; real fetches take real milliseconds. Advance in small steps and let any
    // request in flight finish before time moves on, or the app's 15 s fetch timeout would
    // fire inside a jump that took no real time at all.
    let inflight = 0;
    page.on('request', () => inflight++);
    page.on('requestfinished', () => inflight--);
    page.on('requestfailed', () => inflight--);
    const advance = async (ms) => {
      for (let t = 0; t < ms; t += 5_000) {
        await page.clock.runFor(5_000);
        for (let i = 0; i < 500 && inflight > 0; i++) await new Promise((ok) => setTimeout(ok, 10));
      }
    };
    // Warm up: half an hour, so caches and the first attract rounds exist.
    await advance(1_800_000);
    const start = await measure();
    const fetches0 = feedFetches();
    const hours = 4;
    let mid;
    for (let i = 0; i < hours * 6; i++) {
      await advance(600_000);
      if (i === hours * 3 - 1) mid = await measure();
      // Someone stops by every hour: touches, filters, and leaves (countdown, reset).
      if (i % 6 === 3) {
        await page.mouse.click(960, 300);
        await page.click('[data-preset="tomorrow"]').catch(() => {});
      }
    }
    const end = await measure();
    const fetches = feedFetches() - fetches0;
    console.log(
      `# soak ${hours} simulated hours: JS heap ${(start.heap / 1e6).toFixed(2)} -> ${(end.heap / 1e6).toFixed(2)} MB, ` +
        `wasm memory ${(start.wasm / 1e6).toFixed(1)} -> ${(mid.wasm / 1e6).toFixed(1)} (half-way) -> ${(end.wasm / 1e6).toFixed(1)} MB, ` +
        `elements ${start.elements} -> ${mid.elements} -> ${end.elements}, DOM counter nodes ${start.nodes} -> ${end.nodes}, ` +
        `listeners ${start.listeners} -> ${end.listeners}, feed refreshes ${fetches}`,
    );
    // Refreshes wait while someone is using the kiosk (applied at the next reset).
    assert.ok(fetches >= hours * 4, `the feed refreshed about every 10 minutes: ${fetches}`);
    assert.ok(end.elements <= start.elements * 1.15 + 100, `elements stay flat: ${start.elements} -> ${end.elements}`);
    assert.ok(end.wasm <= start.wasm * 1.5 + 16e6, `wasm memory stays bounded: ${start.wasm} -> ${end.wasm}`);
    assert.ok(end.nodes <= start.nodes * 1.15 + 200, `DOM nodes stay flat: ${start.nodes} -> ${end.nodes}`);
    assert.ok(end.heap <= start.heap * 1.5 + 5e6, `heap stays bounded: ${start.heap} -> ${end.heap}`);
    assert.ok(end.listeners <= start.listeners * 1.15 + 50, `listeners stay flat: ${start.listeners} -> ${end.listeners}`);
    assert.ok(await page.locator('[data-testid="result-count"]').isVisible(), 'still showing events');
    checkHealthy(page);
    await page.context().close();
    await soak.close();
  });

  test('an idle kiosk reloads its start address after reload_hours, a busy one waits', async () => {
    const page = await kiosk('kiosk?reload_hours=1&attract=0&idle=20');
    // Someone is using it: no reload, even after the hour.
    await page.click('[data-preset="today"]');
    await urlFollows(page, 'from');
    // A marker that only a real reload (a new document) removes.
    await page.evaluate(() => (window.__sameDocument = true));
    await page.clock.runFor(30_000); // countdown starts
    await page.mouse.click(960, 300); // still there
    await page.clock.runFor(10_000);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload while in use');
    // Left alone: reset after the countdown, then the reload once the hour is up.
    await page.clock.runFor(3_600_000);
    await page.waitForFunction(() => window.__sameDocument === undefined, null, { timeout: 20_000 });
    await waitForApp(page);
    assert.equal(param(page, 'from'), null);
    assert.equal(param(page, 'reload_hours'), '1', 'the same start address');
    await page.context().close();
  });

  test('a panic shows a friendly message and the kiosk reloads its home', async () => {
    const page = await kiosk('kiosk?idle=30&attract=0');
    await page.click('[data-preset="today"]');
    await urlFollows(page, 'from');
    // A microtask, not a timer: the test's clock is paused.
    await page.evaluate(() => queueMicrotask(() => window.wasmBindings.diagnostics_panic()));
    await page.waitForSelector('[data-testid="panic-screen"]');
    assert.match(await page.locator('[data-testid="panic-screen"]').innerText(), /Jokin meni vikaan/);
    const reloaded = page.waitForNavigation();
    await page.clock.runFor(11_000);
    await reloaded;
    await waitForApp(page);
    assert.equal(param(page, 'from'), null, 'back at the home address');
    assert.equal(await page.locator('[data-testid="panic-screen"]').count(), 0);
    await page.context().close();
  });
});

describe('service worker', () => {
  test('after a first visit the kiosk starts offline with the last feed, the basemap and cached tiles', async () => {
    const offline = await serveDist(join(ROOT, 'dist'));
    const page = await openPage(browser, { viewport: { width: 1920, height: 1080 } });
    await page.goto(`${offline.url}kiosk?attract=0`);
    await waitForApp(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // A second visit goes through the worker: shell, config and tiles are cached.
    await page.reload();
    await waitForApp(page);
    await page.waitForFunction(() => [...document.querySelectorAll('.map-tiles img')].some((i) => i.complete && i.naturalWidth > 0));
    await page.waitForTimeout(500);
    await offline.close();
    await page.reload();
    await waitForApp(page);
    assert.ok(Number(await page.getAttribute('[data-testid="result-count"]', 'data-count')) > 300, 'the last feed is shown');
    assert.match(await page.locator('[data-testid="stale-notice"]').innerText(), /tallennettu kopio/i);
    assert.equal(await page.locator('.map-basemap .town').count(), 38, 'the basemap');
    await page.waitForFunction(() => [...document.querySelectorAll('.map-tiles img')].some((i) => i.complete && i.naturalWidth > 0));
    await screenshot(page, 'kiosk-offline-1920');
    await page.context().close();
  });

  test('a kiosk that goes offline right after its first start still draws the municipalities', async () => {
    const offline = await serveDist(join(ROOT, 'dist'));
    const page = await openPage(browser, { viewport: { width: 1080, height: 1920 } });
    await page.goto(`${offline.url}kiosk?attract=0`);
    await waitForApp(page);
    // The worker caches the shell, config.json and the boundaries when it installs.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(async () => {
      const data = await caches.open('kk-data-v1');
      return (await data.keys()).some((r) => r.url.endsWith('/municipality-boundaries.geojson'));
    });
    await offline.close();
    await page.reload();
    await waitForApp(page);
    await page.waitForSelector('.map-basemap path.municipality');
    assert.equal(await page.locator('.map-basemap path.municipality[data-code]').count(), 38);
    assert.equal(await page.locator('.map-tiles img').count() > 0, true);
    await screenshot(page, 'kiosk-offline-first-start-1080');
    await page.context().close();
  });

  test('a new build replaces the old one and its caches', async () => {
    const dist = join(ROOT, 'dist');
    const index = await readFile(join(dist, 'index.html'), 'utf8');
    const js = index.match(/kulttuurikartta-[0-9a-f]+\.js/)[0];
    const overrides = {};
    const site = await serveDist(dist, { overrides });
    const page = await openPage(browser);
    await page.goto(site.url);
    await waitForApp(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const v1 = js.replace('.js', '');
    await page.waitForFunction((v) => caches.keys().then((k) => k.includes(`kk-shell-${v}`)), v1);
    // Deploy "build 2": the same code under a new hashed name, as a real rebuild would have.
    const js2 = js.replace('.js', '-2.js');
    const index2 = index.replaceAll(js, js2);
    overrides['/'] = { body: index2, type: 'text/html; charset=utf-8' };
    overrides['/index.html'] = { body: index2, type: 'text/html; charset=utf-8' };
    overrides[`/${js2}`] = { body: await readFile(join(dist, js)), type: 'text/javascript; charset=utf-8' };
    // boot.js keeps its name across builds: the new one must be used at once, not the cached one.
    const boot = await readFile(join(dist, 'boot.js'), 'utf8');
    overrides['/boot.js'] = { body: `window.__kkBuild = 2;\n${boot}`, type: 'text/javascript; charset=utf-8' };
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.evaluate(() => window.__kkBuild), 2, 'the first page of build 2 runs its boot.js');
    const v2 = js2.replace('.js', '');
    await page.waitForFunction((v) => navigator.serviceWorker.controller?.scriptURL.endsWith(`v=${v}`), v2, { timeout: 15_000 });
    await page.waitForFunction(
      ([a, b]) => caches.keys().then((k) => k.includes(`kk-shell-${b}`) && !k.includes(`kk-shell-${a}`)),
      [v1, v2],
      { timeout: 15_000 },
    );
    assert.ok(await page.evaluate((f) => !!document.querySelector(`link[href$="${f}"]`), js2), 'the page runs build 2');
    await page.context().close();
    await site.close();
  });
});
