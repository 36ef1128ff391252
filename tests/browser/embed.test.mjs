// Embedding: the builder's code pasted into a host page on another origin, with the app hosted
// under a sub-path. Checks the municipality restriction, language, accent, auto-height through
// postMessage (and that forged messages are ignored), page scroll over the unfocused map, the
// 320 px layout and axe-core inside the frame.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, openPage, checkHealthy, screenshot, waitForApp, showAllRows, ROOT } from '../support/browser.mjs';
import { serveDist } from '../support/server.mjs';

const AXE = await readFile(join(ROOT, 'tests', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
let browser;
let app;
before(async () => {
  browser = await launch();
  app = await serveDist(join(ROOT, 'dist-subpath'), { prefix: '/kulttuurikartta' });
});
after(async () => {
  await browser?.close();
  await app?.close();
});

/** Uses the builder like an editor: Kajaani, Swedish, a red accent, auto height. */
async function builderCode() {
  const page = await openPage(browser);
  await page.goto(`${app.url}embed-builder`);
  await waitForApp(page);
  await page.locator('input[name="embed-municipality"][value="205"]').check();
  await page.locator('input[name="embed-lang"][value="sv"]').check();
  await page.locator('input[name="embed-accent"]').evaluate((el) => {
    el.value = '#e30613';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction(() => document.querySelector('[data-testid="embed-code"]').value.includes('accent=e30613'));
  const code = await page.locator('[data-testid="embed-code"]').inputValue();
  await page.waitForSelector('[data-testid="embed-preview"]');
  await screenshot(page, 'embed-builder-desktop');
  checkHealthy(page, { allow: [/sandbox/] });
  await page.context().close();
  return code;
}

/** A long host page on its own origin, with the code in the middle and a forger beside it. */
async function hostWith(code) {
  const evil = await serveDist(join(ROOT, 'dist'), {
    overrides: {
      '/evil.html': {
        type: 'text/html',
        body: `<!doctype html><title>x</title><script>
          parent.postMessage({ type: 'kulttuurikartta:resize', height: 4321 }, '*');
        </script>`,
      },
    },
  });
  const filler = '<p>Kunnan sivun tekstiä.</p>'.repeat(40);
  const body = `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Kajaanin kaupunki</title>
    <style>body{margin:0;font-family:sans-serif} main{max-width:100%;padding:0 8px}</style></head>
    <body><main><h1>Tapahtumat</h1>${filler}${code}${filler}
    <iframe id="forger" title="forger" src="${evil.origin}/evil.html" width="10" height="10" loading="eager"></iframe>
    </main></body></html>`;
  const host = await serveDist(join(ROOT, 'dist'), { overrides: { '/host.html': { body, type: 'text/html; charset=utf-8' } } });
  return { host, evil };
}

async function frameOf(page) {
  const handle = await page.waitForSelector('#kulttuurikartta-embed');
  await handle.scrollIntoViewIfNeeded();
  const frame = await handle.contentFrame();
  await frame.waitForSelector('[data-testid="result-count"]', { timeout: 20_000 });
  return { handle, frame };
}

describe('embedding kit', () => {
  test('the builder code works on another origin, restricted, in Swedish, with the accent and auto height', async () => {
    const code = await builderCode();
    assert.match(code, /<iframe id="kulttuurikartta-embed" title="Kulttuurikartta: Kajana"/);
    assert.match(code, /src="http:\/\/127\.0\.0\.1:\d+\/kulttuurikartta\/embed\?municipality=205&amp;lang=sv&amp;accent=e30613&amp;days=30"/);
    assert.match(code, /loading="lazy"/);
    assert.match(code, /sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"/);
    assert.ok(!/allow-top-navigation/.test(code));
    assert.match(code, /e\.origin !== origin \|\| e\.source !== frame\.contentWindow/);

    const { host, evil } = await hostWith(code);
    const page = await openPage(browser);
    await page.goto(`${host.origin}/host.html`);
    const { handle, frame } = await frameOf(page);
    assert.notEqual(new URL(host.origin).port, new URL(app.origin).port, 'two origins');

    // Restriction, language, accent.
    await showAllRows(frame);
    const munis = await frame.$$eval('[data-testid^="event-list"] [data-event-id]', (rows) => [...new Set(rows.map((r) => r.dataset.municipality))]);
    assert.deepEqual(munis, ['205'], 'only Kajaani');
    assert.equal(await frame.getAttribute('html', 'lang'), 'sv');
    assert.equal(await frame.locator('.site-header').count(), 0, 'no site header in an embed');
    const accent = await frame.evaluate(() => getComputedStyle(document.querySelector('.event-title a')).color);
    assert.equal(accent, 'rgb(227, 6, 19)');
    // Clearing every filter inside the embed keeps the restriction.
    await frame.click('[data-preset="all"]');
    await frame.waitForFunction(() => !new URL(location.href).searchParams.get('from'));
    assert.equal(new URL(frame.url()).searchParams.get('municipality'), '205');
    assert.equal(await frame.locator('[data-testid="filter-municipality"]').count(), 0);
    // Links to the full app open in a new tab.
    assert.equal(await frame.getAttribute('[data-testid^="event-list"] [data-event-id] a', 'target'), '_blank');

    // Auto height: the iframe follows the content, also when the content grows.
    const sameHeight = async () => {
      const inner = await frame.evaluate(() => document.documentElement.scrollHeight);
      const outer = await handle.evaluate((el) => el.getBoundingClientRect().height);
      return Math.abs(inner - outer) <= 2 ? outer : null;
    };
    await page.waitForFunction(async () => true);
    let h0 = null;
    for (let i = 0; i < 50 && h0 === null; i++) {
      h0 = await sameHeight();
      if (h0 === null) await page.waitForTimeout(100);
    }
    assert.ok(h0 && h0 > 640, `the iframe took its content's height: ${h0}`);
    await frame.click('[data-testid="show-more"]').catch(() => {});
    await frame.click('[data-testid="filter-more"] summary');
    let h1 = null;
    for (let i = 0; i < 50; i++) {
      h1 = await sameHeight();
      if (h1 !== null && h1 > h0) break;
      await page.waitForTimeout(100);
    }
    assert.ok(h1 > h0, `taller content, taller iframe: ${h0} -> ${h1}`);
    // Forged messages: from another origin's frame, and from the host page itself.
    await page.evaluate(() => window.postMessage({ type: 'kulttuurikartta:resize', height: 3210 }, '*'));
    await page.waitForTimeout(300);
    const after = await handle.evaluate((el) => el.style.height);
    assert.ok(!['4321px', '3210px'].includes(after), `forged heights ignored: ${after}`);

    // The wheel over the unfocused map scrolls the host page.
    await frame.locator('[data-testid="map"]').scrollIntoViewIfNeeded();
    const box = await frame.locator('[data-testid="map"]').boundingBox();
    const y0 = await page.evaluate(() => window.scrollY);
    const zoom0 = await frame.getAttribute('[data-testid="map"]', 'data-zoom');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(300);
    assert.ok((await page.evaluate(() => window.scrollY)) > y0, 'the host page scrolled');
    assert.equal(await frame.getAttribute('[data-testid="map"]', 'data-zoom'), zoom0, 'the map did not zoom');

    // axe-core inside the frame.
    await frame.addScriptTag({ content: AXE });
    const violations = await frame.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    });
    assert.deepEqual(violations, []);
    await screenshot(page, 'embed-host-1280');
    checkHealthy(page);
    await page.context().close();
    await host.close();
    await evil.close();
  });

  test('an embed fits 320 and 768 px wide hosts, and a dark theme stays accessible', async () => {
    for (const [width, params] of [
      [320, 'municipality=205&lang=fi&view=map'],
      [768, 'municipality=564&lang=en&theme=dark&accent=ffff00'],
    ]) {
      const code = `<iframe id="kulttuurikartta-embed" title="Kulttuurikartta" src="${app.url}embed?${params.replace(/&/g, '&amp;')}" width="100%" height="700" style="border:0" loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>`;
      const { host, evil } = await hostWith(code);
      const page = await openPage(browser, { viewport: { width, height: 800 } });
      await page.goto(`${host.origin}/host.html`);
      const { frame } = await frameOf(page);
      const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${width}px: ${overflow}px too wide inside the frame`);
      if (width === 320) {
        await frame.click('[data-testid="show-map"]');
        await frame.waitForSelector('[data-testid="map"][data-zoom]');
      }
      await frame.addScriptTag({ content: AXE });
      const violations = await frame.evaluate(async () => {
        const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      });
      assert.deepEqual(violations, [], `${width}px ${params}`);
      await frame.locator('html').evaluate(() => window.scrollTo(0, 0));
      await page.locator('#kulttuurikartta-embed').scrollIntoViewIfNeeded();
      await screenshot(page, `embed-host-${width}`);
      checkHealthy(page);
      await page.context().close();
      await host.close();
      await evil.close();
    }
  });
});
