// A static server for a release build, on a free loopback port. `prefix` mounts the build under
// a sub-path ("/kulttuurikartta"), as a real deployment may. Paths without a file extension get
// index.html, as a single-page app host must serve them, except the tools build's routes (/stats,
// /validate, /embed-builder), which get tools.html as the shipped nginx and Caddy configs serve
// them. `spaOnly` answers those with index.html too, as a host without those rules does. `overrides` answers chosen paths with
// fixed responses (a 404 feed, a hostile feed) or faults (see below) without touching the build.
// `asBuilt` serves config.json as it is, its tile server included (the benchmarks beside the
// peer, whose tiles fail too); otherwise the map's tiles come from this server.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};

// A 256×256 light grey PNG: map tiles in tests come from here, never from the internet.
const TILE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAQAAAAEACAIAAADTED8xAAACAElEQVR42u3TQQkAAAgEweuf04dgCd9mcGASLGyqB96KBBgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGwAAqYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgADAAGAAOAAcAAYAAwABgAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwAAYQAUMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA4ABwABgADAAGAAMAAYAA2AAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAGAAMAAYAAwABgADgAHAAHAtcucouqHXnRUAAAAASUVORK5CYII=',
  'base64',
);

/** The tools build's routes (kulttuurikartta_explore::tools_build::TOOL_ROUTES). */
export const TOOL_ROUTE = /^\/(stats|validate|embed-builder)\/?$/;

/** The map's tile URL is pointed at this server, whatever config.json says. */
function withLoopbackTiles(configText, prefix) {
  const config = JSON.parse(configText);
  config.tiles = { ...(config.tiles ?? {}), url: `${prefix}/test-tiles/{z}/{x}/{y}.png`, subdomains: [] };
  return JSON.stringify(config);
}

export async function serveDist(dist, { prefix = '', overrides = {}, spaOnly = false, asBuilt = false } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (path.startsWith(`${prefix}/test-tiles/`)) {
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=3600' });
      return res.end(TILE_PNG);
    }
    if (path === `${prefix}/config.json`) {
      const body = overrides[path]?.body ?? (await readFile(join(dist, 'config.json'), 'utf8'));
      res.writeHead(overrides[path]?.status ?? 200, { 'content-type': 'application/json' });
      return res.end(asBuilt ? body : withLoopbackTiles(body, prefix));
    }
    if (overrides[path]) {
      const { status = 200, body = '', type = 'application/json', delay = 0, fault, headers = {} } = overrides[path];
      if (delay) await new Promise((ok) => setTimeout(ok, delay));
      // Faults: 'hang' never answers; 'drip' sends the body a byte every 100 ms; 'truncate'
      // ends the response after the first half of the body (a proxy or a crashed generator).
      if (fault === 'hang') return;
      res.writeHead(status, { 'content-type': type, ...headers });
      if (fault === 'drip') {
        const bytes = Buffer.from(body);
        let i = 0;
        const timer = setInterval(() => {
          if (i >= bytes.length || res.destroyed) return clearInterval(timer), res.end();
          res.write(bytes.subarray(i, ++i));
        }, 100);
        res.on('close', () => clearInterval(timer));
        return;
      }
      if (fault === 'truncate') return res.end(body.slice(0, Math.floor(body.length / 2)));
      return res.end(body);
    }
    if (!path.startsWith(prefix + '/')) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not under the app prefix');
    }
    let rel = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
    if (!spaOnly && TOOL_ROUTE.test(rel)) rel = '/tools.html';
    else if (rel.endsWith('/') || !extname(rel)) rel = '/index.html';
    try {
      const body = await readFile(join(dist, rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${prefix}/`,
    requests,
    // Kept-alive browser connections would hold the process open after a failed test.
    close: () =>
      new Promise((ok) => {
        server.close(ok);
        server.closeAllConnections();
      }),
  };
}
