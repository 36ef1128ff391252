// Writes brotli (.br) and gzip (.gz) twins of a release build's static files, so that the web
// server sends them as they are (nginx `brotli_static`/`gzip_static`, Caddy `precompressed`)
// instead of compressing on every request, and at the highest levels, which are too slow for
// on-the-fly compression.
//
// Run by Trunk after a release build (Trunk.toml's post_build hook; the build's staging folder is
// in TRUNK_STAGING_DIR), or by hand: `node scripts/precompress.mjs DIST`.
//
// JSON gets no twin: config.json is edited by each deployment and a harvester rewrites the
// feeds, and a twin left from the build would then be sent instead of the edited file.
import { readdir, readFile, writeFile, stat } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const COMPRESSIBLE = new Set(['.wasm', '.js', '.mjs', '.css', '.html', '.svg', '.geojson', '.webmanifest']);

if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('usage: node scripts/precompress.mjs DIST');
  process.exit(2);
}

let written = 0;
for (const name of await readdir(dir)) {
  const path = join(dir, name);
  if (!COMPRESSIBLE.has(extname(name)) || !(await stat(path)).isFile()) continue;
  const body = await readFile(path);
  const br = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  const gz = gzipSync(body, { level: 9 });
  // A twin that saves nothing is left out; the server then sends the file itself.
  if (br.length < body.length) await writeFile(`${path}.br`, br), written++;
  if (gz.length < body.length) await writeFile(`${path}.gz`, gz), written++;
}
console.log(`precompress: ${written} .br/.gz files in ${dir}`);
