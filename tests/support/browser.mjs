// The project's browser-test harness: Debian's Chromium, headless, driven by playwright-core.
// Every page records console errors and uncaught exceptions; `checkHealthy` fails a test with
// them in its message. Requests that would leave loopback are refused and recorded, so no test
// depends on the internet. Screenshots go to tests/artifacts/screenshots (git-ignored).
import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..', '..');
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts', 'screenshots');

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
};

/** The day the tests pretend it is, so "upcoming" does not drift with the calendar. */
export const TEST_NOW = new Date('2026-11-28T10:00:00+02:00');

export async function launch() {
  // Playwright gives each launch a fresh temporary profile (user data dir).
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/**
 * A new page with console capture, a frozen clock and loopback-only networking.
 * options: viewport name or size, timezoneId, now (Date or null to leave the clock alone).
 */
export async function openPage(browser, { viewport = 'desktop', timezoneId, now = TEST_NOW } = {}) {
  const context = await browser.newContext({
    viewport: typeof viewport === 'string' ? VIEWPORTS[viewport] : viewport,
    timezoneId,
    locale: 'fi-FI',
  });
  const page = await context.newPage();
  page.problems = [];
  page.externalRequests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => page.problems.push(`uncaught: ${err.message}`));
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || url.protocol === 'data:') {
      return route.continue();
    }
    page.externalRequests.push(url.href);
    return route.abort();
  });
  if (now) await page.clock.setFixedTime(now);
  return page;
}

/** Fails with the page's console errors and uncaught exceptions, if there were any. */
export function checkHealthy(page, { allow = [] } = {}) {
  const problems = page.problems.filter((p) => !allow.some((re) => re.test(p)));
  assert.deepEqual(problems, [], `the page reported errors:\n${problems.join('\n')}`);
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/** Waits until the app has finished loading the feed (list, or error state). */
export async function waitForApp(page) {
  await page.waitForSelector('[data-testid="result-count"], [data-testid="load-error"], [data-testid="event-page"], [data-testid="not-found"], [data-testid="event-not-found"], [data-testid="statement"], [data-testid="embed-builder"], [data-testid="validator"], [data-testid="stats"]', { timeout: 20_000 });
}

/** The list draws the first rows of a new result set with the change and the rest of the page
 * once the browser is idle (`aria-busy` on the results until then): waits for all of them. */
export async function listComplete(page) {
  await page.waitForSelector('section.results:not([aria-busy])', { state: 'attached' });
}

/** The list renders a page of rows at a time: open them all. */
export async function showAllRows(page) {
  const more = page.locator('[data-testid="show-more"]');
  for (let i = 0; i < 200 && (await more.count()) > 0; i++) await more.click();
  await listComplete(page);
}
