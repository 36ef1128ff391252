// The deployment test: the release builds served by real web servers with the shipped configs,
// nginx (scripts/serve-nginx.sh → deploy/nginx/) and Caddy (deploy/caddy/Caddyfile), each at "/"
// and at "/kulttuurikartta/". It checks the headers a careful host must send, then drives
// Chromium over every route and asserts that the strict Content Security Policy is never
// violated, the console stays clean and the app works, including /embed framed by another
// origin while the rest of the app refuses to be framed.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, request } from 'node:http';
import { readFile, readdir, mkdtemp, mkdir, symlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, checkHealthy, screenshot, waitForApp, ROOT } from '../support/browser.mjs';

const PREFIX = '/kulttuurikartta/';
let browser;
let root; // nginx serving dist/ at "/"
let sub; // nginx serving dist-subpath/ at PREFIX
let caddyRoot; // the same with Caddy
let caddySub;
let municipal; // another origin, a municipal page that frames the app
let eventId;

/** Starts scripts/serve-nginx.sh on a free port and waits until nginx answers. */
async function startNginx(dist, prefix = '/') {
  const port = await freePort();
  const child = spawn('bash', [join(ROOT, 'scripts/serve-nginx.sh'), join(ROOT, dist), String(port), prefix], {
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  return waitUntilServing(child, `http://127.0.0.1:${port}${prefix}`);
}

/**
 * Starts Caddy with deploy/caddy/Caddyfile, configured by its environment variables as a host
 * would: the build at the document root, or in a folder named like the prefix inside it.
 */
async function startCaddy(dist, prefix = '/') {
  const port = await freePort();
  const tmp = await mkdtemp(join(tmpdir(), 'kk-caddy-'));
  let docroot = join(ROOT, dist);
  if (prefix !== '/') {
    docroot = join(tmp, 'docroot');
    await mkdir(docroot);
    await symlink(join(ROOT, dist), join(docroot, prefix.slice(1, -1)));
  }
  const env = {
    ...process.env,
    KK_SITE: `http://127.0.0.1:${port}`,
    KK_ROOT: docroot,
    KK_PREFIX: prefix,
    XDG_DATA_HOME: join(tmp, 'data'),
    XDG_CONFIG_HOME: join(tmp, 'config'),
  };
  const child = spawn('caddy', ['run', '--adapter', 'caddyfile', '--config', join(ROOT, 'deploy/caddy/Caddyfile')], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.once('exit', () => rm(tmp, { recursive: true, force: true }));
  return waitUntilServing(child, `http://127.0.0.1:${port}${prefix}`);
}

async function waitUntilServing(child, base) {
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited ${child.exitCode}:\n${stderr}`);
    try {
      if ((await get(base)).status === 200) return { base, child };
    } catch {
      /* not listening yet */
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`the server did not answer at ${base}:\n${stderr}`);
}

function stop(server) {
  if (!server || server.child.exitCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    server.child.once('exit', ok);
    server.child.kill('SIGTERM');
  });
}

function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** A raw GET: headers as sent, body not decoded. */
function get(url, headers = {}) {
  return new Promise((ok, fail) => {
    const req = request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** The CSP's directives as a map, e.g. csp['script-src'] = ["'self'", …]. */
function parseCsp(header) {
  assert.ok(header, 'a Content-Security-Policy header is sent');
  return Object.fromEntries(
    header.split(';').map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map(([k, ...v]) => [k, v]),
  );
}

async function hashedAsset(dist, ext) {
  const name = (await readdir(join(ROOT, dist))).find((f) => /-[0-9a-f]{12,16}(_bg)?\.\w+$/.test(f) && f.endsWith(ext));
  assert.ok(name, `${dist} has a hashed ${ext}`);
  return name;
}

before(async () => {
  browser = await launch();
  [root, sub, caddyRoot, caddySub] = await Promise.all([
    startNginx('dist'),
    startNginx('dist-subpath', PREFIX),
    startCaddy('dist'),
    startCaddy('dist-subpath', PREFIX),
  ]);
  eventId = JSON.parse(await readFile(join(ROOT, 'dist/sample-feed.json'), 'utf8')).data[0].id;
  municipal = createServer((req, res) => {
    // A municipal page with both the embed and the app itself in iframes.
    const target = new URL(req.url, 'http://x').searchParams.get('base');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>Kunta</title>
      <iframe id="embed" title="embed" width="800" height="600" src="${target}embed?view=list"></iframe>
      <iframe id="app" title="app" width="800" height="600" src="${target}"></iframe>`);
  });
  await new Promise((ok) => municipal.listen(0, '127.0.0.1', ok));
});

after(async () => {
  await browser?.close();
  await Promise.all([root, sub, caddyRoot, caddySub].map(stop));
  municipal?.close();
});

/** Every server with its build: [name, base URL getter, dist]. */
const SERVERS = [
  ['nginx at /', () => root.base, 'dist'],
  ['nginx under /kulttuurikartta/', () => sub.base, 'dist-subpath'],
  ['Caddy at /', () => caddyRoot.base, 'dist'],
  ['Caddy under /kulttuurikartta/', () => caddySub.base, 'dist-subpath'],
];

describe('headers', () => {
  test('the app sends a strict CSP, refuses framing and is revalidated', async () => {
    for (const [, baseOf] of SERVERS) {
      const base = baseOf();
      for (const path of ['', 'event/x', 'accessibility', 'kiosk', 'validate', 'stats', 'no-such-page']) {
        const res = await get(base + path);
        assert.equal(res.status, 200, `${base + path} is one of the app's pages`);
        assert.match(res.headers['content-type'], /^text\/html/);
        const csp = parseCsp(res.headers['content-security-policy']);
        assert.deepEqual(csp['default-src'], ["'self'"]);
        assert.deepEqual(csp['script-src'], ["'self'", "'wasm-unsafe-eval'"], 'no unsafe-inline, unsafe-eval or hash');
        assert.deepEqual(csp['style-src'], ["'self'"], 'no unsafe-inline styles');
        for (const d of ['worker-src', 'base-uri', 'form-action']) assert.deepEqual(csp[d], ["'self'"], d);
        assert.deepEqual(csp['object-src'], ["'none'"]);
        assert.deepEqual(csp['frame-ancestors'], ["'none'"], `${path || '/'} cannot be framed`);
        assert.ok(csp['img-src'].includes('https://tile.openstreetmap.org'), 'the tile host may serve images');
        assert.ok(csp['connect-src'].includes('https://tile.openstreetmap.org'), 'the worker may fetch tiles');
        assert.equal(res.headers['x-frame-options'], 'DENY');
        assert.equal(res.headers['x-content-type-options'], 'nosniff');
        assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin');
        assert.match(res.headers['permissions-policy'], /geolocation=\(\)/);
        assert.equal(res.headers['cache-control'], 'no-cache');
        assert.ok(res.headers.etag, 'the page has an ETag to revalidate with');
        assert.equal((await get(base + path, { 'if-none-match': res.headers.etag })).status, 304);
      }
    }
  });

  test("the publishers' pages are the tools build, every other route the explorer's", async () => {
    for (const [name, baseOf, dist] of SERVERS) {
      const base = baseOf();
      const wasmOf = (html) => html.match(/data-kk-wasm="[^"]*?([^"/]+_bg\.wasm)"/)?.[1];
      const explorer = wasmOf(await readFile(join(ROOT, dist, 'index.html'), 'utf8'));
      const tools = wasmOf(await readFile(join(ROOT, dist, 'tools.html'), 'utf8'));
      assert.ok(explorer && tools && explorer !== tools, `${dist} has two builds`);
      for (const path of ['stats', 'validate', 'embed-builder', 'stats/', 'tools.html']) {
        const res = await get(base + path);
        assert.equal(res.status, 200, `${name}: ${path}`);
        assert.equal(wasmOf(res.body.toString()), tools, `${name}: ${path} is tools.html`);
      }
      for (const path of ['', 'event/x', 'kiosk', 'embed', 'accessibility', 'statistics', 'no-such-page']) {
        const res = await get(base + path);
        assert.equal(wasmOf(res.body.toString()), explorer, `${name}: ${path || '/'} is index.html`);
      }
    }
  });

  test('/embed may be framed by any site, and only /embed', async () => {
    for (const [, baseOf] of SERVERS) {
      const base = baseOf();
      for (const path of ['embed', 'embed/']) {
        const res = await get(`${base}${path}?view=list`);
        assert.equal(res.status, 200);
        assert.deepEqual(parseCsp(res.headers['content-security-policy'])['frame-ancestors'], ['*']);
        assert.equal(res.headers['x-frame-options'], undefined);
        assert.match(res.body.toString(), /boot\.js/, 'it is the app');
      }
    }
  });

  test('hashed assets are immutable and sent precompressed with the right types', async () => {
    for (const [, baseOf, dist] of SERVERS) {
      const base = baseOf();
      const wasm = await hashedAsset(dist, '_bg.wasm');
      const br = await get(base + wasm, { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(br.status, 200);
      assert.equal(br.headers['content-type'], 'application/wasm');
      assert.equal(br.headers['content-encoding'], 'br', 'brotli when the browser accepts it');
      assert.match(br.headers.vary ?? '', /Accept-Encoding/i);
      assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.deepEqual(br.body, await readFile(join(ROOT, dist, `${wasm}.br`)), 'the build\'s own .br twin');
      const gz = await get(base + wasm, { 'accept-encoding': 'gzip' });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      const plain = await get(base + wasm);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.deepEqual(plain.body, await readFile(join(ROOT, dist, wasm)));
      for (const ext of ['.js', '.css']) {
        const res = await get(base + (await hashedAsset(dist, ext)), { 'accept-encoding': 'br' });
        assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', ext);
        assert.equal(res.headers['content-encoding'], 'br', ext);
      }
      // Files a deployment edits are revalidated, and JSON is compressed on the fly.
      for (const file of ['config.json', 'sw.js', 'boot.js', 'sample-feed.json']) {
        const res = await get(base + file, { 'accept-encoding': 'gzip' });
        assert.equal(res.status, 200, file);
        assert.equal(res.headers['cache-control'], 'no-cache', file);
        assert.ok(res.headers.etag, `${file} has an ETag`);
      }
      assert.equal((await get(base + 'sample-feed.json', { 'accept-encoding': 'gzip' })).headers['content-encoding'], 'gzip');
    }
  });

  test('a missing asset is a real 404, never index.html; the bare sub-path redirects', async () => {
    for (const [, baseOf] of SERVERS) {
      const base = baseOf();
      for (const file of ['app-0123456789abcdef_bg.wasm', 'missing.js', 'missing.css', 'missing.json', 'missing.geojson']) {
        const res = await get(base + file);
        assert.equal(res.status, 404, `${file} is 404`);
        assert.doesNotMatch(res.body.toString(), /boot\.js/, `${file} is not index.html`);
      }
    }
    for (const server of [sub, caddySub]) {
      const bare = await get(server.base.replace(/\/$/, ''));
      assert.ok([301, 308].includes(bare.status), `${server.base} without its slash redirects`);
      assert.match(bare.headers.location, /\/kulttuurikartta\/$/);
    }
  });
});

/** A page that records CSP violations from its first script on. */
async function openWatched(options) {
  const page = await openPage(browser, options);
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  // The test machine has no internet: map tiles come from here, as the tile host would send them.
  await page.context().route('https://tile.openstreetmap.org/**', (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: TILE_PNG }),
  );
  return page;
}

async function violations(page) {
  return page.evaluate(() => window.__cspViolations);
}

const TILE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC',
  'base64',
);

describe('the app under the strict CSP', () => {
  for (const [label, baseOf] of SERVERS.filter(([name]) => name !== 'Caddy under /kulttuurikartta/')) {
    test(`every route works with no CSP violation and no console error, ${label}`, async () => {
      const base = baseOf();
      const routes = [
        ['', async (p) => {
          assert.ok(Number(await p.getAttribute('[data-testid="result-count"]', 'data-count')) > 0, 'events are listed');
          await p.waitForSelector('[data-testid="map"] path.municipality[data-code]');
          assert.equal(await p.locator('[data-testid="map"] path.municipality[data-code]').count(), 38, 'the map is drawn');
          assert.ok((await p.locator('[data-event-id]').count()) > 0);
        }],
        [`event/${encodeURIComponent(eventId)}`, async (p) => {
          assert.equal(await p.getAttribute('[data-testid="event-page"]', 'data-event-id'), eventId);
        }],
        ['accessibility', async (p) => assert.ok(await p.isVisible('[data-testid="statement"]'))],
        ['embed-builder', async (p) => {
          assert.ok(await p.isVisible('[data-testid="embed-builder"]'));
          // Its preview frames /embed on the same origin.
          const preview = p.frameLocator('[data-testid="embed-preview"]');
          await preview.locator('[data-testid="result-count"]').waitFor({ timeout: 20_000 });
        }],
        ['kiosk?attract=0', async (p) => {
          assert.ok(Number(await p.getAttribute('[data-testid="result-count"]', 'data-count')) > 0);
          await p.evaluate(() => navigator.serviceWorker.ready);
          await p.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
        }],
        ['validate?feed=sample-feed.json', async (p) => {
          await p.waitForSelector('[data-testid="validator-report"]');
          assert.equal(await p.getAttribute('[data-testid="validator-report"]', 'data-events'), '483');
        }],
        ['stats?from=2026-01-01&to=2026-12-31', async (p) => {
          await p.locator('[data-testid="stats-map-shapes"] path').nth(37).waitFor();
          assert.ok(Number(await p.getAttribute('[data-testid="stats-total"]', 'data-count')) > 0, 'events are counted');
          // The CSV is made from a Blob in the page: the CSP must let it download.
          const [download] = await Promise.all([p.waitForEvent('download'), p.click('[data-testid="stats-csv"]')]);
          assert.match(download.suggestedFilename(), /\.csv$/);
        }],
        ['no-such-page', async (p) => assert.ok(await p.isVisible('[data-testid="not-found"]'))],
      ];
      for (const [path, check] of routes) {
        const page = await openWatched({ viewport: 'desktop' });
        await page.goto(base + path);
        await waitForApp(page);
        await check(page);
        await page.waitForTimeout(300);
        assert.deepEqual(await violations(page), [], `no CSP violation on /${path}`);
        for (const frame of page.frames().slice(1)) {
          assert.deepEqual(await frame.evaluate(() => window.__cspViolations ?? []), [], `no CSP violation in a frame of /${path}`);
        }
        checkHealthy(page);
        assert.deepEqual(page.externalRequests, [], 'nothing else left loopback');
        if (path === '') await screenshot(page, `deploy-${label.replace(/\W+/g, '-')}`);
        await page.context().close();
      }
    });
  }

  test('another site can frame /embed but not the app', async () => {
    for (const base of [root.base, sub.base, caddyRoot.base]) {
      const page = await openWatched({ viewport: 'desktop' });
      const host = `http://localhost:${municipal.address().port}/?base=${encodeURIComponent(base)}`;
      await page.goto(host);
      const embed = page.frameLocator('#embed');
      await embed.locator('[data-testid="result-count"]').waitFor({ timeout: 20_000 });
      assert.ok((await embed.locator('[data-event-id]').count()) > 0, 'the embed lists events inside the municipal page');
      const appFrame = page.frames().find((f) => f.name() === '' && f !== page.mainFrame() && !f.url().includes('embed'));
      await page.waitForTimeout(500);
      assert.ok(appFrame, 'the app frame exists');
      assert.equal(await appFrame.locator('[data-testid="result-count"]').count(), 0, 'the app itself does not render in a foreign frame');
      assert.deepEqual(await violations(page), []);
      // Chromium reports the refused frame on the host's console; that one message is the point.
      checkHealthy(page, { allow: [/frame-ancestors|Refused to (display|frame)/i] });
      await page.context().close();
    }
  });
});
