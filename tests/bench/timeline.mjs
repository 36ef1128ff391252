// Browser benchmark for the timeline at 1280×800 with 1 000, 10 000 and 100 000 events spread
// over 18 months: its first render, a zoom step, a brush step, and the widest view; plus what
// a committed window or filter change costs the whole explorer (filters, list, map, timeline).
// Prints figures; asserts nothing about time.
//
//   cargo run --release --example feed_bench -- --write tests/artifacts/bench
//   node tests/bench/timeline.mjs
//
// The timeline marks `kk:timeline:draw` when it starts drawing and `kk:timeline:drawn` when
// the element after it renders, i.e. once its SVG is in the DOM; the pair is its render time.
import { launch } from '../support/browser.mjs';
import { openOnGeneratedFeed, showFreeOnly } from '../support/bench.mjs';

const browser = await launch();
console.log('timeline and explorer updates, wasm in headless Chromium at 1280×800 (median, ms)');
const cols = ['events', 'first render', 'zoom step', 'brush step', '2-year view', 'window change*', 'filter change*', 'mode'];
console.log(cols.map((c, i) => c.padStart(i ? 15 : 8)).join(''));
for (const n of [1000, 10000, 100000]) {
  const { page, server } = await openOnGeneratedFeed(browser, n);
  await page.waitForSelector('[data-testid="timeline"][data-view-start]', { timeout: 180_000 });
  await showFreeOnly(page);
  const r = await page.evaluate(async () => {
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const pairs = () => {
      const draws = performance.getEntriesByName('kk:timeline:draw');
      const drawn = performance.getEntriesByName('kk:timeline:drawn');
      return draws.map((d) => {
        const end = drawn.find((e) => e.startTime >= d.startTime);
        return end ? end.startTime - d.startTime : NaN;
      });
    };
    const first = pairs()[0];
    const axis = document.querySelector('.timeline-axis');
    // Leptos runs its updates in microtasks; a message-channel task comes after all of them,
    // so waiting for one means the list, the map and the timeline have all been redrawn.
    const nextTask = () => new Promise((ok) => {
      const c = new MessageChannel();
      c.port1.onmessage = ok;
      c.port2.postMessage(0);
    });
    const settle = async (until) => {
      for (let i = 0; i < 2000 && !until(); i++) await Promise.resolve();
      await nextTask();
      void document.body.offsetHeight;
    };
    const step = async (fire) => {
      performance.clearMarks();
      const t = performance.now();
      fire();
      await settle(() => performance.getEntriesByName('kk:timeline:drawn').length > 0);
      return performance.now() - t;
    };
    axis.focus();
    const key = (k) => axis.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    const zooms = [];
    for (let i = 0; i < 10; i++) zooms.push(await step(() => key(i % 2 ? '-' : '+')));
    // A brush step: the pointer moves while dragging across the plot.
    const box = axis.getBoundingClientRect();
    const pe = (type, x) =>
      axis.dispatchEvent(new PointerEvent(type, { pointerId: 1, button: 0, clientX: box.left + x, clientY: box.top + 90, bubbles: true }));
    pe('pointerdown', 100);
    const brushes = [];
    for (let i = 0; i < 10; i++) brushes.push(await step(() => pe('pointermove', 160 + 25 * i)));
    // Committing it changes the window for the whole explorer.
    const count = () => document.querySelector('[data-testid="result-count"]').dataset.count;
    const before = count();
    let t = performance.now();
    pe('pointerup', 400);
    await settle(() => count() !== before);
    const windowChange = performance.now() - t;
    // A filter change: the whole result set is re-evaluated, re-clustered, listed and drawn.
    const free = document.querySelector('input[name="free"]');
    const filters = [];
    for (let i = 0; i < 4; i++) {
      const c = count();
      t = performance.now();
      free.click();
      await settle(() => count() !== c);
      filters.push(performance.now() - t);
    }
    // The widest view: every event of 18 months in one histogram.
    document.querySelector('[data-preset="all"]').click();
    await settle(() => !document.querySelector('[data-testid="timeline"]').dataset.windowStart);
    for (let i = 0; i < 12; i++) await step(() => key('-'));
    const wide = [];
    for (let i = 0; i < 5; i++) wide.push(await step(() => key(i % 2 ? 'ArrowLeft' : 'ArrowRight')));
    const mode = document.querySelector('.timeline-svg').dataset.mode;
    const shown = Number(count());
    return { shown, first, zoom: median(zooms), brush: median(brushes), wide: median(wide), windowChange, filter: median(filters), mode };
  });
  const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a').padStart(15);
  if (r.shown === 0) throw new Error('no events shown');
  console.log(`${String(n).padStart(8)}${f(r.first)}${f(r.zoom)}${f(r.brush)}${f(r.wide)}${f(r.windowChange)}${f(r.filter)}${r.mode.padStart(15)}`);
  await page.context().close();
  await server.close();
}
console.log('* whole explorer: filters re-evaluated, list, map clusters and timeline redrawn');
await browser.close();
