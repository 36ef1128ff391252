// The map: offline basemap, clusters that add up, and every way of moving it.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { openPage, checkHealthy, screenshot, waitForApp, showAllRows, ROOT } from '../support/browser.mjs';
import { serveDist } from '../support/server.mjs';
import { browser, server, withBrowserAndDist } from '../support/suite.mjs';

withBrowserAndDist();

async function openMap(viewport = 'desktop') {
  const page = await openPage(browser, { viewport });
  await page.goto(server.url);
  await waitForApp(page);
  // A phone shows one panel at a time, the list first.
  if (viewport === 'phone') await page.click('[data-testid="show-map"]');
  await page.waitForSelector('[data-testid="map"][data-zoom]');
  await page.locator('[data-testid="map"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  return page;
}

const state = async (page) => {
  const map = page.locator('[data-testid="map"]');
  const [lat, lon] = (await map.getAttribute('data-center')).split(',').map(Number);
  return { zoom: Number(await map.getAttribute('data-zoom')), lat, lon };
};

/** Sum of what the map shows: cluster counts plus single markers. */
const shown = (page) =>
  page.$$eval('[data-testid="map"] [data-cluster-count], [data-testid="map"] .marker[data-event-id]', (els) =>
    els.reduce((n, el) => n + (el.dataset.clusterCount ? Number(el.dataset.clusterCount) : 1), 0),
  );

/** The located events the list shows (a series row counts its dates). */
const locatedInList = async (page) => {
  await showAllRows(page);
  return page.$$eval('[data-testid="event-list"] [data-event-id], [data-testid="event-list-tba"] [data-event-id]', (rows) =>
    rows
      .filter((r) => ['exact', 'approximate'].includes(r.dataset.location))
      .reduce((n, r) => n + Number(r.dataset.seriesDates ?? 1), 0),
  );
};

/** Town and region names on the basemap never overlap each other. */
const assertLabelsApart = async (page, atLeast) => {
  const boxes = await page.$$eval('.map-basemap text', (els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return { text: e.textContent, l: r.left, r: r.right, t: r.top, b: r.bottom };
  }));
  assert.ok(boxes.length >= atLeast, `${boxes.length} labels`);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const overlap = a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
      assert.ok(!overlap, `"${a.text}" overlaps "${b.text}"`);
    }
  }
};

describe('map', () => {
  test('opens on the two regions with clusters that add up to the located events', async () => {
    const page = await openMap();
    const s = await state(page);
    assert.ok(s.lat > 63.5 && s.lat < 66.5 && s.lon > 23.5 && s.lon < 30.2, `centre ${s.lat},${s.lon}`);
    const located = await locatedInList(page);
    assert.ok(located > 300);
    assert.equal(await shown(page), located, 'clusters and markers add up to the located events');
    // A filter takes events off the map and brings them back, and the counts follow it.
    await page.click('[data-testid="filter-more"] summary');
    await page.click('input[name="free"]');
    const free = await locatedInList(page);
    assert.ok(free > 0 && free < located, `free ${free} of ${located}`);
    assert.equal(await shown(page), free, 'after a filter, the clusters add up to what it leaves');
    await page.click('input[name="free"]');
    assert.equal(await locatedInList(page), located);
    assert.equal(await shown(page), located, 'clearing the filter restores every event');
    // The offline basemap: municipality centres drawn, tiles only from loopback.
    assert.equal(await page.locator('.map-basemap .town').count(), 38);
    assert.ok(await page.locator('.map-tiles img').count() > 0);
    assert.deepEqual(page.externalRequests, []);
    assert.match(await page.locator('.map-attribution').innerText(), /OpenStreetMap/);
    await screenshot(page, 'map-desktop');
    checkHealthy(page);
    await page.context().close();
  });

  test('buttons and keys zoom and pan; activating a cluster zooms in', async () => {
    const page = await openMap();
    const s0 = await state(page);
    await page.getByTestId('map').getByRole('button', { name: 'Lähennä' }).click();
    const s1 = await state(page);
    assert.ok(Math.abs(s1.zoom - s0.zoom - 1) < 0.01, `${s0.zoom} -> ${s1.zoom}`);
    await page.getByTestId('map').getByRole('button', { name: 'Loitonna' }).click();
    assert.ok(Math.abs((await state(page)).zoom - s0.zoom) < 0.01);

    await page.locator('[data-testid="map"]').focus();
    await page.keyboard.press('ArrowRight');
    const s2 = await state(page);
    assert.ok(s2.lon > s0.lon, 'ArrowRight moves the view east');
    await page.keyboard.press('+');
    assert.ok((await state(page)).zoom > s2.zoom);
    await page.keyboard.press('-');
    await page.keyboard.press('ArrowLeft');

    const cluster = page.locator('[data-cluster-count]').first();
    const before = await state(page);
    const count = Number(await cluster.getAttribute('data-cluster-count'));
    await cluster.click();
    const after = await state(page);
    assert.ok(after.zoom > before.zoom, 'a cluster click zooms in');
    assert.ok((await page.locator('[data-cluster-count], .marker').count()) > 0);
    assert.ok(count > 1);
    checkHealthy(page);
    await page.context().close();
  });

  test('selecting a marker opens its card and marks the list row; Escape closes it', async () => {
    const feed = {
      data: [
        { id: 'k:1', name: { fi: 'Kamarimusiikkia Kuhmossa' }, start_time: '2026-12-05T17:00:00Z',
          location: { name: { fi: 'Kuhmo-talo' }, position: { type: 'Point', coordinates: [29.518, 64.1255] } } },
        { id: 'o:1', name: { fi: 'Teatteri-ilta Oulussa' }, start_time: '2026-12-06T17:00:00Z', event_status: 'EventCancelled',
          location: { name: { fi: 'Oulun teatteri' }, position: { type: 'Point', coordinates: [25.4697, 65.0147] } } },
        { id: 'v:1', name: { fi: 'Lukupiiri' }, start_time: '2026-12-07T15:00:00Z',
          location: { name: { fi: 'Kajaanin kirjasto' }, position: { type: 'Point', coordinates: [27.7313, 64.2225] } } },
        { id: 'v:2', name: { fi: 'Satutunti' }, start_time: '2026-12-08T08:00:00Z',
          location: { name: { fi: 'Kajaanin kirjasto' }, position: { type: 'Point', coordinates: [27.7313, 64.2225] } } },
      ],
    };
    const small = await serveDist(join(ROOT, 'dist'), { overrides: { '/sample-feed.json': { body: JSON.stringify(feed) } } });
    const page = await openPage(browser);
    await page.goto(small.url);
    await page.waitForSelector('[data-testid="map"][data-zoom]');
    assert.equal(await page.locator('[data-testid="map"] .marker').count(), 2, 'two venues with one event each');
    assert.ok(await page.locator('[data-testid="map"] .marker.cancelled').count() === 1, 'a cancelled event looks different');
    const marker = page.locator('[data-testid="map"] .marker[data-event-id="k:1"]');
    await marker.click();
    const card = page.locator('[data-testid="map-card"]');
    await card.waitFor();
    assert.match(await card.innerText(), /Kamarimusiikkia Kuhmossa/);
    assert.match(await card.innerText(), /la 5\.12\.2026 klo 19\.00/);
    assert.match(await card.locator('a').getAttribute('href'), /\/event\/k:1/);
    const row = page.locator('[data-testid="event-list"] .event-row.selected');
    assert.equal(await row.getAttribute('data-event-id'), 'k:1');
    assert.equal(await row.getAttribute('aria-current'), 'true');
    assert.equal(await marker.getAttribute('aria-pressed'), 'true');
    await screenshot(page, 'map-card-desktop');
    await page.locator('[data-testid="map"]').focus();
    await page.keyboard.press('Escape');
    assert.equal(await card.count(), 0, 'Escape closes the card');

    // Two events at one venue never hide each other: their cluster lists both.
    const venue = page.locator('[data-testid="map"] [data-cluster-count="2"]');
    assert.match(await venue.getAttribute('aria-label'), /Kajaani, 2 tapahtumaa/);
    for (let i = 0; i < 20 && (await card.count()) === 0; i++) await venue.click();
    assert.equal(await card.locator('li').count(), 2);

    // Selecting in the list brings an off-screen event into view and marks its marker.
    for (let i = 0; i < 4; i++) await page.getByTestId('map').getByRole('button', { name: 'Lähennä' }).click();
    await page.locator('[data-testid="map"]').focus();
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowLeft'); // Kuhmo is now far off to the east
    assert.equal(await page.locator('[data-testid="map"] .marker[data-event-id="k:1"]').count(), 0);
    await page.locator('[data-testid="event-list"] [data-event-id="k:1"] a').focus();
    const shown = page.locator('[data-testid="map"] .marker.selected[data-event-id="k:1"]');
    await shown.waitFor();
    const [lat, lon] = (await page.getAttribute('[data-testid="map"]', 'data-center')).split(',').map(Number);
    assert.ok(Math.abs(lat - 64.1255) < 0.01 && Math.abs(lon - 29.518) < 0.01, `centred on Kuhmo-talo: ${lat},${lon}`);
    checkHealthy(page);
    await page.context().close();
    await small.close();
  });

  test('mouse drag, touch drag and the wheel (only when focused)', async () => {
    const page = await openMap();
    const box = await page.locator('[data-testid="map"]').boundingBox();
    const [cx, cy] = [box.x + 40, box.y + box.height - 40]; // empty sea, not a marker
    const s0 = await state(page);
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + 150, cy, { steps: 5 });
    await page.mouse.up();
    const s1 = await state(page);
    assert.ok(s1.lon < s0.lon, `dragging right shows what is west: ${s0.lon} -> ${s1.lon}`);

    // One finger: synthetic touch pointer events.
    await page.locator('[data-testid="map"]').evaluate((el, [x, y]) => {
      const ev = (type, dx) => new PointerEvent(type, { pointerId: 7, pointerType: 'touch', clientX: x + dx, clientY: y, bubbles: true, isPrimary: true });
      el.dispatchEvent(ev('pointerdown', 0));
      el.dispatchEvent(ev('pointermove', -60));
      el.dispatchEvent(ev('pointermove', -120));
      el.dispatchEvent(ev('pointerup', -120));
    }, [cx, cy]);
    const s2 = await state(page);
    assert.ok(s2.lon > s1.lon, 'a touch drag to the left moves east');

    // Two fingers spreading apart zoom in around their midpoint.
    await page.locator('[data-testid="map"]').evaluate((el, [x, y]) => {
      const ev = (type, id, dx) => new PointerEvent(type, { pointerId: id, pointerType: 'touch', clientX: x + dx, clientY: y, bubbles: true });
      el.dispatchEvent(ev('pointerdown', 11, -20));
      el.dispatchEvent(ev('pointerdown', 12, 20));
      for (let d = 20; d <= 80; d += 20) {
        el.dispatchEvent(ev('pointermove', 11, -d));
        el.dispatchEvent(ev('pointermove', 12, d));
      }
      el.dispatchEvent(ev('pointerup', 11, -80));
      el.dispatchEvent(ev('pointerup', 12, 80));
    }, [box.x + box.width / 2, box.y + box.height / 2]);
    const pinched = await state(page);
    assert.ok(pinched.zoom > s2.zoom + 1, `pinch zooms in: ${s2.zoom} -> ${pinched.zoom}`);
    await page.getByTestId('map').getByRole('button', { name: 'Loitonna' }).click();
    await page.getByTestId('map').getByRole('button', { name: 'Loitonna' }).click();
    const s2b = await state(page);

    // The wheel over an unfocused map scrolls the page and leaves the zoom alone.
    await page.evaluate(() => document.activeElement?.blur()); // the drag and the buttons took focus
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(100);
    assert.equal((await state(page)).zoom, s2b.zoom, 'no zoom without focus');
    await page.locator('[data-testid="map"]').focus();
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(100);
    assert.ok((await state(page)).zoom > s2b.zoom, 'the wheel zooms the focused map');
    checkHealthy(page);
    await page.context().close();
  });

  test('municipality boundaries from the configured URL are drawn and credited', async () => {
    // The bundled copy (CC BY 4.0, © Maanmittauslaitos), served under another name.
    const geojson = await readFile(join(ROOT, 'public', 'municipality-boundaries.geojson'));
    const config = JSON.parse(await readFile(join(ROOT, 'dist', 'config.json'), 'utf8'));
    config.boundaries_url = 'test-boundaries.geojson';
    const withBoundaries = await serveDist(join(ROOT, 'dist'), {
      overrides: {
        '/config.json': { body: JSON.stringify(config) },
        '/test-boundaries.geojson': { body: geojson, type: 'application/geo+json' },
        // Proves the configured file is the one drawn.
        '/municipality-boundaries.geojson': { status: 404, body: 'not here' },
      },
    });
    const page = await openPage(browser);
    await page.goto(withBoundaries.url);
    await page.waitForSelector('.map-basemap .municipality');
    assert.equal(await page.locator('.map-basemap .municipality').count(), 38);
    assert.equal(await page.locator('.map-basemap .region').count(), 0, 'the hull gives way to real boundaries');
    assert.match(await page.locator('.map-attribution').innerText(), /Maanmittauslaitos/);
    checkHealthy(page);
    await page.context().close();
    await withBoundaries.close();
  });

  test('the default config draws the bundled municipalities, by region, with the chosen ones highlighted', async () => {
    for (const size of ['desktop', 'phone']) {
      const page = await openMap(size);
      await page.waitForSelector('[data-testid="map"] path.municipality[data-code]');
      assert.equal(await page.locator('[data-testid="map"] path.municipality[data-code]').count(), 38);
      assert.equal(await page.locator('[data-testid="map"] path.municipality.kainuu').count(), 8);
      assert.equal(await page.locator('[data-testid="map"] path.municipality.pohjois-pohjanmaa').count(), 30);
      assert.match(await page.locator('.map-attribution').innerText(), /Maanmittauslaitos/);
      assert.deepEqual(await page.$$eval('.map-basemap .region-name', (els) => els.map((e) => e.textContent)), ['Kainuu', 'Pohjois-Pohjanmaa']);
      await assertLabelsApart(page, 8);
      // Choosing Kajaani in the filters highlights it, and only it.
      if (size === 'phone') await page.getByTestId('show-list').click();
      await page.click('[data-testid="filter-municipality"] summary');
      await page.click('input[name="municipality"][value="205"]');
      if (size === 'phone') await page.getByTestId('show-map').click();
      await page.waitForSelector('path.municipality.selected[data-code="205"]');
      assert.equal(await page.locator('path.municipality.selected').count(), 1);
      await screenshot(page, `map-boundaries-${size}`);
      // Zoomed in, more names fit, and still none overlap.
      await page.getByTestId('map').getByRole('button', { name: 'Lähennä' }).click();
      await page.getByTestId('map').getByRole('button', { name: 'Lähennä' }).click();
      await assertLabelsApart(page, 2);
      checkHealthy(page);
      await page.context().close();
    }
  });

  test('with boundaries_url null, the map draws the region outline', async () => {
    const config = JSON.parse(await readFile(join(ROOT, 'dist', 'config.json'), 'utf8'));
    config.boundaries_url = null;
    const hull = await serveDist(join(ROOT, 'dist'), { overrides: { '/config.json': { body: JSON.stringify(config) } } });
    const page = await openPage(browser);
    await page.goto(hull.url);
    await waitForApp(page);
    await page.waitForSelector('.map-basemap .region');
    assert.equal(await page.locator('.map-basemap .municipality').count(), 0);
    assert.doesNotMatch(await page.locator('.map-attribution').innerText(), /Maanmittauslaitos/);
    checkHealthy(page);
    await page.context().close();
    await hull.close();
  });

  test('phone size keeps the map usable', async () => {
    const page = await openMap('phone');
    assert.ok((await shown(page)) > 300);
    const box = await page.locator('[data-testid="map"]').boundingBox();
    assert.ok(box.width <= 390 && box.height >= 250);
    await screenshot(page, 'map-phone');
    checkHealthy(page);
    await page.context().close();
  });
});

describe('map keyboard traversal', () => {
  test('the items on the map are one tab stop, and arrow keys move between them', async () => {
    const page = await openMap();
    const stops = await page.$$eval('[data-testid="map"] [data-key]', (els) => els.filter((e) => e.tabIndex === 0).length);
    assert.equal(stops, 1, 'one tab stop for all markers and clusters');
    const total = await page.locator('[data-testid="map"] [data-key]').count();
    assert.ok(total > 5);
    await page.focus('[data-testid="map"]');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement.dataset.key);
    assert.ok(first, 'Tab from the map lands on an item');
    const centre = () => page.evaluate(() => {
      const r = document.activeElement.getBoundingClientRect();
      return [r.left + r.width / 2, r.top + r.height / 2];
    });
    const [x0] = await centre();
    const view = await page.getAttribute('[data-testid="map"]', 'data-center');
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() => document.activeElement.dataset.key);
    const [x1] = await centre();
    assert.notEqual(second, first, 'focus moved to another item');
    assert.ok(x1 > x0, 'to one on the right');
    assert.equal(await page.getAttribute('[data-testid="map"]', 'data-center'), view, 'the map did not pan');
    assert.equal(await page.$$eval('[data-testid="map"] [data-key]', (els) => els.filter((e) => e.tabIndex === 0).length), 1);
    // Enter activates it: a cluster zooms in (or, for one venue, lists its events), a marker
    // opens its card.
    const zoom = await page.getAttribute('[data-testid="map"]', 'data-zoom');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (z) => document.querySelector('[data-testid="map"]').dataset.zoom !== z || document.querySelector('[data-testid="map-card"]'),
      zoom,
    );
    checkHealthy(page);
    await page.context().close();
  });
});
