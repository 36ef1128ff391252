// `/stats`, the numbers for culture work: the counts are checked against a count this test makes
// itself from the feed it generated, never by the app's code; the CSV must carry the table's
// numbers; the page prints as an A4 report of at most two pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, openPage, checkHealthy, waitForApp, screenshot, ROOT } from '../support/browser.mjs';
import { serveDist } from '../support/server.mjs';

// Where events are, as a publisher would write them: a locality the app resolves to a code,
// an online event whose organiser names Kajaani, one whose organiser names no municipality, and
// a place outside the region.
const PLACES = [
  { code: '564', town: 'Oulu' }, { code: '205', town: 'Kajaani' }, { code: '290', town: 'Kuhmo' },
  { code: '678', town: 'Raahe' }, { code: '305', town: 'Kuusamo' }, { code: '483', town: 'Merijärvi' },
  { code: '765', town: 'Sotkamo' }, { code: '072', town: 'Hailuoto' }, { code: '564', town: 'Uleåborg' },
  { code: '205', online: 'Kajaanin kaupunginkirjasto' }, { code: 'online', online: 'Suomen verkkoseura' },
  { code: 'outside', town: 'Helsinki' },
];
// Statistics Finland, residents on 31.12.2024: the per-capita check does not read the app's copy.
const RESIDENTS = { '564': 216152, '205': 36433, '290': 7483, '483': 1059 };

// Summer time in 2027 runs from 28 March to 30 October (as whole days at 18:00).
const offset = (m, d) => ((m > 3 || (m === 3 && d >= 28)) && (m < 10 || (m === 10 && d <= 30)) ? '+03:00' : '+02:00');

function generate() {
  let seed = 7;
  const rnd = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648), Math.floor(seed / 65536) % n);
  const events = [];
  const truth = [];
  for (let i = 0; i < 420; i++) {
    const place = PLACES[rnd(PLACES.length)];
    // Mostly 2027; a few just outside it, which must not be counted.
    const year = i % 40 === 0 ? 2026 : i % 41 === 0 ? 2028 : 2027;
    const month = 1 + rnd(12);
    const day = 1 + rnd(28);
    const mm = String(month).padStart(2, '0');
    const dd = String(day).padStart(2, '0');
    const cancelled = i % 11 === 0;
    const free = i % 3 === 0;
    const music = i % 4 === 0;
    const location = place.online
      ? { '@id': 'https://api.example/place/helsinki:internet/' }
      : { '@id': `https://api.example/place/${place.town}/`, name: { fi: `${place.town}n kulttuuritalo` }, address_locality: { fi: place.town } };
    events.push({
      id: `gen:${i}`,
      name: { fi: `Tapahtuma ${i}` },
      start_time: `${year}-${mm}-${dd}T18:00:00${offset(month, day)}`,
      end_time: `${year}-${mm}-${dd}T20:00:00${offset(month, day)}`,
      location,
      ...(place.online ? { provider: { fi: place.online } } : {}),
      keywords: [{ '@id': music ? 'yso:p1808' : 'yso:p2625' }],
      offers: [{ is_free: free }],
      ...(cancelled ? { event_status: 'EventCancelled' } : {}),
    });
    truth.push({ code: place.code, year, month: `${year}-${mm}`, cancelled, free, music });
  }
  return { feed: JSON.stringify({ meta: { count: events.length, next: null }, data: events }), truth };
}

const { feed, truth } = generate();
const in2027 = truth.filter((t) => t.year === 2027);
let browser;
let server;
let noBoundaries;
before(async () => {
  browser = await launch();
  const overrides = (config) => ({
    '/config.json': { body: JSON.stringify({ feeds: ['gen.json'], sample_data: false, ...config }) },
    '/gen.json': { body: feed },
  });
  server = await serveDist(join(ROOT, 'dist'), { overrides: overrides({}) });
  noBoundaries = await serveDist(join(ROOT, 'dist'), { overrides: overrides({ boundaries_url: null, population: null }) });
});
after(async () => {
  await browser?.close();
  await server?.close();
  await noBoundaries?.close();
});

const YEAR = 'from=2027-01-01&to=2027-12-31';

async function rows(page, testid) {
  await page.locator(`[data-testid="${testid}"] tbody tr`).first().waitFor();
  return page.$$eval(`[data-testid="${testid}"] tbody tr`, (trs) => trs.map((tr) => ({
    ...tr.dataset,
    cells: [...tr.children].map((c) => c.innerText.trim()),
  })));
}

function tally(list, key) {
  const out = {};
  for (const t of list) out[key(t)] = (out[key(t)] ?? 0) + 1;
  return out;
}

test('per-municipality and per-month counts equal an independent count, and add up to the explorer', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}stats?${YEAR}`);
  await waitForApp(page);
  const offer = in2027.filter((t) => !t.cancelled);
  const byCode = tally(offer, (t) => t.code);
  const freeByCode = tally(offer.filter((t) => t.free), (t) => t.code);
  const table = await rows(page, 'stats-table');
  const municipal = table.filter((r) => r.municipality);
  assert.equal(municipal.length, 38);
  for (const r of municipal) {
    assert.equal(Number(r.count), byCode[r.municipality] ?? 0, `events in ${r.municipality}`);
    assert.equal(Number(r.free), freeByCode[r.municipality] ?? 0, `free events in ${r.municipality}`);
  }
  for (const [code, residents] of Object.entries(RESIDENTS)) {
    const r = municipal.find((x) => x.municipality === code);
    assert.ok(Math.abs(Number(r['per-1000']) - ((byCode[code] ?? 0) * 1000) / residents) < 0.001, `per 1 000 in ${code}: ${r['per-1000']}`);
  }
  const online = table.find((r) => r.row === 'online');
  const outside = table.find((r) => r.row === 'outside');
  assert.equal(Number(online.count), byCode.online);
  assert.equal(Number(outside.count), byCode.outside);

  // Months: by the Helsinki date the event starts.
  const byMonth = tally(offer, (t) => t.month);
  const months = (await rows(page, 'stats-month')).filter((r) => r.month);
  assert.equal(months.length, 12);
  for (const r of months) assert.equal(Number(r.count), byMonth[r.month] ?? 0, `events in ${r.month}`);

  // The municipalities, online and outside, plus the cancelled, are the explorer's count.
  const cancelled = in2027.filter((t) => t.cancelled).length;
  const sum = [...municipal, online, outside].reduce((s, r) => s + Number(r.count), 0);
  await page.click('[data-testid="stats-explorer-link"]');
  await page.locator('[data-testid="result-count"]').waitFor();
  const explorerCount = Number(await page.locator('[data-testid="result-count"]').getAttribute('data-count'));
  assert.equal(sum + cancelled, explorerCount);
  assert.equal(explorerCount, in2027.length);
  assert.match(page.url(), /from=2027-01-01&to=2027-12-31/);
  checkHealthy(page);
  await page.context().close();
});

test('the footer links to the statistics, which default to the current calendar year', async () => {
  const page = await openPage(browser, { viewport: 'phone' });
  await page.goto(`${server.url}?lang=sv`);
  await waitForApp(page);
  await page.click('[data-testid="stats-link"]');
  await page.locator('[data-testid="stats-table"] tbody tr').first().waitFor();
  // The test clock is at 28.11.2026: the report is 2026, and the URL says so, ready to share.
  // The link opens the tools build as a new page, which writes the URL when it is first idle.
  await page.waitForURL(/from=/);
  const url = new URL(page.url());
  assert.equal(url.pathname, '/stats');
  assert.deepEqual([url.searchParams.get('from'), url.searchParams.get('to'), url.searchParams.get('lang')], ['2026-01-01', '2026-12-31', 'sv']);
  assert.match(await page.locator('h1').innerText(), /Kulturutbudet i siffror/);
  assert.equal(await page.inputValue('[data-testid="stats-from"]'), '2026-01-01');
  // Last year, by its button: the window and the counts follow.
  await page.click('[data-testid="stats-window"] button >> nth=1');
  await page.waitForURL(/from=2025-01-01&to=2025-12-31/);
  checkHealthy(page);
  await page.context().close();
});

test('a filter in the URL narrows the numbers the same way, and the scope is named', async () => {
  const page = await openPage(browser, { viewport: 'phone' });
  await page.goto(`${server.url}stats?${YEAR}&category=music&lang=en`);
  await waitForApp(page);
  const music = tally(in2027.filter((t) => !t.cancelled && t.music), (t) => t.code);
  for (const r of (await rows(page, 'stats-table')).filter((x) => x.municipality)) {
    assert.equal(Number(r.count), music[r.municipality] ?? 0, r.municipality);
  }
  assert.match(await page.locator('[data-testid="stats-scope"]').innerText(), /1 Jan.*31 Dec 2027[\s\S]*Music/);
  await screenshot(page, 'stats-phone-en');
  checkHealthy(page);
  await page.context().close();
});

test('the CSV has a BOM, semicolons in Finnish, and exactly the numbers of the table', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}stats?${YEAR}`);
  await waitForApp(page);
  const table = await rows(page, 'stats-table');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="stats-csv"]')]);
  assert.equal(download.suggestedFilename(), 'kulttuurikartta-kunnat-2027-01-01_2027-12-31.csv');
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
  const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
  const header = await page.$$eval('[data-testid="stats-table"] thead th', (ths) => ths.map((th) => th.innerText.trim().replace(/ [▲▼]$/, '')));
  assert.deepEqual(lines[0].split(';'), header);
  assert.equal(lines.length - 1, table.length);
  table.forEach((r, i) => assert.deepEqual(lines[i + 1].split(';'), r.cells, `row ${i + 1}`));
  assert.ok(lines.some((l) => l.startsWith('Hailuoto;')), 'Finnish letters survive');

  // In English: commas, and the month table too.
  await page.goto(`${server.url}stats?${YEAR}&lang=en`);
  await waitForApp(page);
  const months = await rows(page, 'stats-month');
  const [d2] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="stats-month-csv"]')]);
  const en = (await readFile(await d2.path())).toString('utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  months.forEach((r, i) => assert.deepEqual(en[i + 1].split(','), r.cells, `month row ${i + 1}`));
  await page.context().close();
});

test('the municipality table sorts by keyboard and keeps its totals last', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}stats?${YEAR}&lang=sv`);
  await waitForApp(page);
  const button = page.locator('[data-testid="stats-table"] thead th').nth(1).locator('button');
  await button.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('[data-testid="stats-table"] thead th').nth(1).getAttribute('aria-sort'), 'descending');
  const sorted = await rows(page, 'stats-table');
  const counts = sorted.filter((r) => r.row !== 'total').map((r) => Number(r.count));
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
  assert.equal(sorted[0].municipality, '564', 'Oulu has the most events');
  assert.ok(sorted.slice(-6).every((r) => r.row === 'total'));
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('[data-testid="stats-table"] thead th').nth(1).getAttribute('aria-sort'), 'ascending');
  await page.context().close();
});

test('the map shades each municipality and has a legend; without boundaries, circles that never overlap', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}stats?${YEAR}`);
  await waitForApp(page);
  await page.locator('[data-testid="stats-map-shapes"] path').nth(37).waitFor();
  const fills = await page.$$eval('[data-testid="stats-map-shapes"] path', (ps) => Object.fromEntries(ps.map((p) => [p.dataset.municipality, p.getAttribute('fill')])));
  assert.equal(Object.keys(fills).length, 38);
  // A municipality with no events has the "none" class; Oulu, with many, another.
  const empty = (await rows(page, 'stats-table')).find((r) => r.municipality && r.count === '0');
  assert.equal(fills[empty.municipality], 'url(#shade-0)');
  assert.notEqual(fills['564'], 'url(#shade-0)');
  assert.ok((await page.locator('.map-legend li').count()) >= 3);
  // Every per-capita figure says where its population comes from.
  assert.match(await page.locator('[data-testid="stats-map"] figcaption').innerText(), /Tilastokeskus.*31\.12\.2024/);
  assert.match(await page.locator('[data-testid="stats-population-source"]').innerText(), /Tilastokeskus.*31\.12\.2024/);
  await screenshot(page, 'stats-desktop');
  await page.context().close();

  const bare = await openPage(browser, { viewport: 'phone' });
  await bare.goto(`${noBoundaries.url}stats?${YEAR}`);
  await waitForApp(bare);
  await bare.locator('[data-testid="stats-map-circles"] circle').nth(37).waitFor();
  const circles = await bare.$$eval('[data-testid="stats-map-circles"] circle', (cs) => cs.map((c) => ['cx', 'cy', 'r'].map((a) => Number(c.getAttribute(a)))));
  assert.equal(circles.length, 38);
  for (let i = 0; i < circles.length; i++) {
    for (let j = i + 1; j < circles.length; j++) {
      const [x1, y1, r1] = circles[i];
      const [x2, y2, r2] = circles[j];
      assert.ok(Math.hypot(x1 - x2, y1 - y2) >= r1 + r2 - 0.2, `circles ${i} and ${j} overlap`);
    }
  }
  // Without population, no per-capita column at all (not zeros).
  const header = await bare.locator('[data-testid="stats-table"] thead').innerText();
  assert.doesNotMatch(header, /1 000/);
  assert.equal(await bare.locator('[data-testid="stats-table"] tr[data-per-1000]').count(), 0);
  assert.doesNotMatch(await bare.locator('[data-testid="stats-map"] figcaption').innerText(), /Tilastokeskus/);
  assert.match(await bare.locator('[data-testid="stats-population-source"]').innerText(), /Väkilukuja ei ole asetettu/);
  await screenshot(bare, 'stats-circles-phone');
  checkHealthy(bare);
  await bare.context().close();
});

test('the report prints on at most two A4 pages with its scope in the heading', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}stats?${YEAR}&municipality=kainuu`);
  await waitForApp(page);
  await page.locator('[data-testid="stats-table"] tbody tr').first().waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.site-header').isVisible(), false);
  assert.equal(await page.locator('[data-testid="stats-csv"]').isVisible(), false);
  assert.match(await page.locator('[data-testid="stats-scope"]').innerText(), /1\.1\.–31\.12\.2027[\s\S]*Rajaus: Kainuu$/m);
  assert.equal(await page.locator('[data-testid="stats-table"] tr[data-municipality]').count(), 8, 'only the chosen municipalities have rows');
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  await page.context().close();
});
