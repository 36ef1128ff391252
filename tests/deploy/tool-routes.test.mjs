// The tools build's routes are listed in five places: the app (kulttuurikartta_explore::tools_build),
// nginx, Caddy, the service worker and the test server. If one of them forgets a route, that page
// costs a visitor a redirect (a server), is lost offline (the worker), or is tested in a way no
// host serves it (the test server). They must all name the same three, and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from '../support/browser.mjs';
import { TOOL_ROUTE } from '../support/server.mjs';

const OTHER_ROUTES = ['/', '/event/x', '/kiosk', '/embed', '/embed/', '/accessibility', '/statistics', '/validator', '/embed-builderx'];

test('the app, nginx, Caddy, the service worker and the test server name the same tool routes', async () => {
  const read = (...p) => readFile(join(ROOT, ...p), 'utf8');
  const rust = await read('crates', 'explore', 'src', 'tools_build.rs');
  const routes = JSON.parse(rust.match(/pub const TOOL_ROUTES: \[&str; \d+\] = (\[[^\]]+\]);/)[1]);
  assert.deepEqual(routes, ['/stats', '/validate', '/embed-builder']);
  const sw = await read('public', 'sw.js');
  const caddy = await read('deploy', 'caddy', 'Caddyfile');
  const nginx = await read('deploy', 'nginx', 'kulttuurikartta-app.conf');
  const patterns = {
    // The worker's pattern also covers tools.html itself.
    'service worker': new RegExp(sw.match(/const TOOL_PAGE = \/(.+)\/;/)[1]),
    caddy: new RegExp(caddy.match(/@tools path_regexp tools (\S+)/)[1]),
    nginx: new RegExp(nginx.match(/location ~ "(\/\(stats[^"]+)"/)[1]),
    'test server': TOOL_ROUTE,
  };
  for (const [who, re] of Object.entries(patterns)) {
    for (const route of routes) {
      assert.ok(re.test(route), `${who} sends ${route} to tools.html`);
      assert.ok(re.test(`${route}/`), `${who} sends ${route}/ to tools.html`);
    }
    for (const route of OTHER_ROUTES) assert.ok(!re.test(route), `${who} leaves ${route} to index.html`);
  }
});
