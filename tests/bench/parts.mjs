// Browser benchmark (figures, no assertions about time): where the script time of one
// interaction goes, by part of the explorer (filters, list, map, timeline, filter controls,
// the URL write), before the next frame and after it. A CPU profile of repeated interactions is
// attributed by the frames on each sample's stack, so it needs function names that say whose
// generic code runs: a build from `scripts/build-profiling.sh` (symbol-mangling v0, names kept).
//
//   cargo run --release --example feed_bench -- --write tests/artifacts/bench
//   scripts/build-profiling.sh target/dist-profiling
//   DIST=target/dist-profiling node tests/bench/parts.mjs   # EVENTS="1000 10000", REPEAT=20
//
// Interactions: the "this month" preset (after "all upcoming"), the "free only" checkbox, one
// search keystroke (a digit typed, which narrows the events to those with it in their name,
// then erased), and selecting an event (focus moving to the
// next row of the list). "Before the frame" is the script from the input to the end of the
// frame that shows it, which is what a user waits for; "after" is what follows in idle time
// (the rest of the list's first page, the URL write). Layout and paint are not script and are
// not counted here: preset.mjs and timeline.mjs time the whole frame.
import { launch } from '../support/browser.mjs';
import { openOnGeneratedFeed, showFreeOnly } from '../support/bench.mjs';

const REPEAT = Number(process.env.REPEAT ?? 20);
const EVENTS = (process.env.EVENTS ?? '1000 10000').split(/\s+/).map(Number);

// The first part whose pattern matches a frame of a sample's stack takes the sample: filters
// first, since the list, the map and the timeline pull the filtered set through memos.
const PARTS = [
  // The filters' memo (its value is an `Outcome`) and what it calls, inlined or not.
  ['filters', /query::filter::|query::facts|SearchIndex/],
  ['URL write', /url_state::use_update_query::\{closure#0\}|RouterContext::navigate/],
  ['list', /__component_results|explorer::block_view|components::event_list/],
  ['timeline', /components::timeline|explore[^:]*::timeline/],
  ['map', /components::map|kulttuurikartta_geo/],
  ['filter controls', /components::filters|components::presets|query::chips/],
  ['event card, page', /components::event_|selection/],
];
const NAMES = [...PARTS.map(([n]) => n), 'reactive graph, other', 'garbage collection'];

// Each interaction runs in one page task: `__kkStart` before the input, `__kkFrameDone` in the
// next animation frame's callback, when the browser starts drawing what the input changed, and
// `__kkEnd` 300 ms later. Each spins for half a millisecond so that the sampling profiler sees
// it; their samples split the profile into the script that delays the frame, the script that
// follows it, and what is not counted (putting the page back for the next round).
const ACTIONS = {
  'this month preset': async (page) => {
    await timed(page, () => document.querySelector('[data-preset=month]').click());
    // Back to every upcoming event, for the next round and the interactions that follow.
    await page.click('[data-preset=all]');
    await page.waitForTimeout(300);
  },
  'free only checkbox': (page) => timed(page, () => document.querySelector('input[name=free]').click()),
  'search keystroke': async (page) => {
    await timed(page, () => {
      const input = document.querySelector('input[type=search]');
      input.value += '7';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, data: '7', inputType: 'insertText' }));
    });
    await page.evaluate(() => {
      const input = document.querySelector('input[type=search]');
      input.value = '';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
    });
    await page.waitForTimeout(400);
  },
  'select an event': (page) =>
    timed(page, () => {
      const links = [...document.querySelectorAll('[data-testid^="event-list"] .event-row a')].slice(0, 10);
      if (links.length === 0) throw new Error(`no rows to select: ${document.querySelector('[data-testid=result-count]').dataset.count} events shown`);
      const at = links.indexOf(document.activeElement);
      links[(at + 1) % links.length].focus();
    }),
};

async function timed(page, input) {
  await page.evaluate(`(async () => {
    const spin = () => { const t = performance.now(); while (performance.now() - t < 0.5); };
    (function __kkStart() { spin(); })();
    (${input})();
    await new Promise((ok) => requestAnimationFrame(() => {
      (function __kkFrameDone() { spin(); })();
      ok();
    }));
    await new Promise((ok) => setTimeout(ok, 300));
    (function __kkEnd() { spin(); })();
  })()`);
}

/** Script ms per interaction by part, before and after the frame. */
function attribute(profile, repeat) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const before = new Map(), after = new Map();
  let phase = null;
  profile.samples.forEach((id, i) => {
    const stack = [];
    for (let j = id; j !== undefined; j = parent.get(j)) stack.push(byId.get(j).callFrame.functionName);
    if (stack.includes('__kkStart')) return void (phase = before);
    if (stack.includes('__kkFrameDone')) return void (phase = after);
    if (stack.includes('__kkEnd')) return void (phase = null);
    const leaf = stack[0];
    if (!phase || leaf === '(idle)' || leaf === '(program)') return;
    let part = leaf === '(garbage collector)' ? 'garbage collection' : 'reactive graph, other';
    for (const [name, re] of PARTS) if (stack.some((f) => re.test(f))) { part = name; break; }
    phase.set(part, (phase.get(part) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000 / repeat);
  });
  return { before, after };
}

const browser = await launch();
const ms = (x) => (x >= 0.05 ? x.toFixed(1) : '·');
const cell = (b, a) => `${ms(b)} / ${ms(a)}`.padStart(14);
console.log(`script per interaction by part, ms before the frame / after it, mean of ${REPEAT}, 1280×800`);
for (const n of EVENTS) {
  const { page, server } = await openOnGeneratedFeed(browser, n);
  await page.waitForSelector('[data-testid=result-count][data-count]', { timeout: 180_000 });
  await showFreeOnly(page);
  await page.waitForTimeout(1000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  console.log(`\n${`${n} events`.padEnd(20)}${NAMES.map((p) => p.slice(0, 13).padStart(14)).join('')}${'total'.padStart(14)}`);
  for (const [name, act] of Object.entries(ACTIONS)) {
    await act(page); // once unprofiled: the first time builds panels and search indexes
    await cdp.send('Profiler.start');
    for (let k = 0; k < REPEAT; k++) await act(page);
    const { profile } = await cdp.send('Profiler.stop');
    const { before, after } = attribute(profile, REPEAT);
    const sum = (m) => [...m.values()].reduce((a, b) => a + b, 0);
    const row = NAMES.map((p) => cell(before.get(p) ?? 0, after.get(p) ?? 0)).join('');
    console.log(`${name.padEnd(20)}${row}${cell(sum(before), sum(after))}`);
  }
  await page.context().close();
  await server.close();
}
await browser.close();
