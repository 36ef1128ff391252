// Browser benchmark for what the first visit spends compiling wasm (figures, no assertions):
// V8 compiles each wasm function lazily, on its first call, on the main thread, so every
// function the first screen runs costs compile time before it runs. A devtools trace of a cold
// visit at 1 000 events counts those compilations (`wasm.CompileLazy`) until the page is drawn.
// With NAMES=<a .wasm with a name section> (the same build's wasm, passed through
// `wasm-opt -Oz -g` from target/wasm-bindgen/release/, and served as DIST's wasm) it also
// prints them by crate and the largest ones: where fewer distinct functions would pay.
//
//   cargo run --release --example feed_bench -- --write tests/artifacts/bench
//   node tests/bench/lazy-compile.mjs       # DIST=dist, VISITS=3, EVENTS=1000
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, ROOT } from '../support/browser.mjs';
import { openPinnedPage } from '../support/bench.mjs';
import { serveDist } from '../support/server.mjs';

const VISITS = Number(process.env.VISITS ?? 3);
const EVENTS = Number(process.env.EVENTS ?? 1000);
const body = await readFile(join(ROOT, 'tests', 'artifacts', 'bench', `feed-${EVENTS}.json`));
const server = await serveDist(process.env.DIST ?? join(ROOT, 'dist'), { overrides: { '/sample-feed.json': { body } } });
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const runs = [];
for (let v = 0; v < VISITS; v++) {
  const page = await openPinnedPage(browser);
  await browser.startTracing(page, { categories: ['v8.wasm'] });
  await page.goto(server.url);
  await page.waitForSelector('[data-testid=map] [data-cluster-count], [data-testid=map] [data-event-id]', { timeout: 120_000 });
  await page.waitForSelector('[data-testid=timeline] svg');
  await page.waitForSelector('[data-testid=result-count][data-count]');
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  runs.push(events.filter((e) => e.name === 'wasm.CompileLazy'));
  await page.context().close();
}
await browser.close();
await server.close();

const ms = (list) => list.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000;
console.log(`lazy wasm compilation until drawn, ${EVENTS} events, ${VISITS} cold visits`);
console.log(`  functions compiled: ${runs.map((r) => r.length).join(', ')}`);
console.log(`  main-thread ms:     ${runs.map((r) => ms(r).toFixed(1)).join(', ')} (median ${median(runs.map(ms)).toFixed(1)})`);

if (process.env.NAMES) {
  const { names, sizes } = nameSection(await readFile(process.env.NAMES));
  const last = runs[runs.length - 1];
  const crate = (n) => n.match(/^<?<?([a-z_][a-z0-9_]*)(\[[0-9a-f]+\])?::/)?.[1] ?? n.slice(0, 30);
  const byCrate = new Map();
  let bytes = 0;
  for (const e of last) {
    const i = e.args.func_index;
    const c = crate(names.get(i) ?? `#${i}`);
    const row = byCrate.get(c) ?? { n: 0, ms: 0, bytes: 0 };
    row.n++;
    row.ms += (e.dur ?? 0) / 1000;
    row.bytes += sizes.get(i) ?? 0;
    bytes += sizes.get(i) ?? 0;
    byCrate.set(c, row);
  }
  const all = [...sizes.values()].reduce((a, b) => a + b, 0);
  console.log(`  code compiled: ${(bytes / 1024).toFixed(0)} of ${(all / 1024).toFixed(0)} kB in the module (last visit), by crate:`);
  for (const [c, r] of [...byCrate].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) {
    console.log(`  ${r.ms.toFixed(1).padStart(7)} ms ${String(r.n).padStart(5)} functions ${(r.bytes / 1024).toFixed(0).padStart(5)} kB  ${c}`);
  }
  console.log('  largest:');
  for (const e of [...last].sort((a, b) => (sizes.get(b.args.func_index) ?? 0) - (sizes.get(a.args.func_index) ?? 0)).slice(0, 10)) {
    const i = e.args.func_index;
    console.log(`  ${((sizes.get(i) ?? 0) / 1024).toFixed(1).padStart(7)} kB  ${(names.get(i) ?? `#${i}`).replace(/::h[0-9a-f]{16}$/, '').slice(0, 140)}`);
  }
}

/** Function names (the name section) and body sizes (the code section) of a wasm binary, by
 * function index. */
function nameSection(buf) {
  let p = 8;
  const leb = () => {
    let r = 0;
    let s = 0;
    let b;
    do {
      b = buf[p++];
      r |= (b & 0x7f) << s;
      s += 7;
    } while (b & 0x80);
    return r >>> 0;
  };
  const skipLimits = () => {
    const flags = leb();
    leb();
    if (flags & 1) leb();
  };
  const names = new Map();
  const sizes = new Map();
  let imported = 0;
  while (p < buf.length) {
    const id = buf[p++];
    const len = leb();
    const end = p + len;
    if (id === 2) {
      // Imported functions come first in the function index space.
      for (let n = leb(); n > 0; n--) {
        // Module and field names. (Not `p += leb()`: that reads `p` before leb() moves it.)
        for (let name = 0; name < 2; name++) {
          const l = leb();
          p += l;
        }
        const kind = buf[p++];
        if (kind === 0) leb(), imported++;
        else if (kind === 1) p++, skipLimits();
        else if (kind === 2) skipLimits();
        else if (kind === 3) p += 2;
        else if (kind === 4) p++, leb();
      }
    } else if (id === 10) {
      const n = leb();
      for (let i = 0; i < n; i++) {
        const size = leb();
        sizes.set(imported + i, size);
        p += size;
      }
    } else if (id === 0) {
      const nameLen = leb();
      const section = buf.subarray(p, p + nameLen).toString();
      p += nameLen;
      while (section === 'name' && p < end) {
        const sub = buf[p++];
        const subEnd = leb() + p;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            const index = leb();
            const l = leb();
            names.set(index, buf.subarray(p, p + l).toString());
            p += l;
          }
        }
        p = subEnd;
      }
    }
    p = end;
  }
  return { names, sizes };
}
