// Trunk names build output `name-<hash>.js` with the 64-bit hash written as `{:x}`, without leading
// zeros: one build in sixteen has a 15-digit hash. The service worker, nginx and Caddy must all
// still see such a file as hashed. Otherwise the worker passes that build's wasm to the network,
// and a kiosk starts to a blank page when it is offline, and the servers revalidate it on every
// visit. Names the same in every build must never count as hashed: cached "forever" they would go stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from '../support/browser.mjs';

const HASHED = [
  'kulttuurikartta-cf2d9ab60f4ee210_bg.wasm',
  'kulttuurikartta-cf2d9ab60f4ee210.js',
  'kulttuurikartta-a6de28d4893a8a9_bg.wasm',
  'kulttuurikartta-a6de28d4893a8a9.js',
  'main-9833ffca9840e07.css',
];
const UNHASHED = ['boot.js', 'sw.js', 'sample-feed.json', 'feed-schema.json', 'municipality-boundaries.geojson', 'favicon.svg'];

async function patterns() {
  const sw = await readFile(join(ROOT, 'public', 'sw.js'), 'utf8');
  const caddy = await readFile(join(ROOT, 'deploy', 'caddy', 'Caddyfile'), 'utf8');
  const nginx = await readFile(join(ROOT, 'deploy', 'nginx', 'kulttuurikartta-app.conf'), 'utf8');
  return {
    'service worker': new RegExp(sw.match(/const HASHED = \/(.+)\/;/)[1]),
    caddy: new RegExp(caddy.match(/@hashed path_regexp hashed (\S+)/)[1]),
    nginx: new RegExp(nginx.match(/location ~ "(-\[0-9a-f\][^"]+)"/)[1]),
  };
}

test('the worker, nginx and Caddy see every hashed build file as hashed, and nothing else', async () => {
  for (const [who, re] of Object.entries(await patterns())) {
    for (const name of HASHED) assert.ok(re.test(`/app/${name}`), `${who} treats ${name} as hashed`);
    for (const name of UNHASHED) assert.ok(!re.test(`/app/${name}`), `${who} treats ${name} as unhashed`);
  }
});
