// Search latency (issue 12): the time from a keystroke in the search field to the frame that shows its results,
// at 1× and 4× CPU (CDP Emulation.setCPUThrottlingRate), in headless Chromium.
//
// Each run opens the app in a fresh context (desktop viewport, the bench's usual context) and, once the app has
// taken over and the page is quiet, throttles the CPU and types, one step at a time, measuring each step with
// the probe of bench/page.mjs (searchProbe: first input event → the frame that draws the last DOM change of
// the search, `.search-results` or a `.timeline-node`'s found/dimmed class):
// - English (`#/?lang=en`): "kubernetes", one real key press per letter (CDP Input.dispatchKeyEvent through
//   Playwright), then Esc (clears the field) and one paste of 1,000 characters of junk into the empty field
//   (written to the browser's clipboard, then Ctrl+V: a paste event, then input of type insertFromPaste);
// - Korean (`#/`, the app in Korean): "컨테이너" as a 2-beolsik input method types it: each syllable composed
//   jamo by jamo (CDP Input.imeSetComposition; the app searches nothing under composition) and then committed
//   with CDP Input.insertText. The commit is the measured step: it is when the search runs.
// Keys are typed `gap` ms apart (after the previous step's frame), a brisk typist's pace.
//
// What part of a keystroke is the app's: much of it is the browser's own work on this page, app or not (the
// key's events, the field's editing, style, layout and paint of the changed field). So, in each run:
// - a baseline: the same English keys, the same probe, at the same CPU rates, on the same page with the wasm
//   request aborted (page.route), the app never starting. boot.js would then show the page as a plain document
//   (its "could not load" fallback: another layout, four times as long); the baseline page keeps html.js (an
//   init script stops the loader's error from reaching boot.js), so it is laid out as the app's page before the
//   takeover, the field in the same place. With no app there is no search to wait for: the step ends with the
//   first frame after the field's input event (page.mjs, `until: 'input'`);
// - at 4× CPU, the main thread's work per key from a Chromium trace (`keystrokeWork`), app and baseline, each
//   on a fresh page typing "kubernetes" without the probe (its listeners and frame callbacks would be script
//   in both), keys `TRACE_GAP` ms apart.
// The app, its baseline and the traced pages take turns (which goes first alternates from run to run), so that
// noise from the shared machine hits them alike.
import { openApp, newContext, DESKTOP_VIEWPORT } from './measure.mjs';
import { searchProbe, searchArm, searchWait, searchEventTiming } from './page.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const SEARCH_RATES = [1, 4];
export const FRAME_MS = 1000 / 60;
export const ENGLISH = 'kubernetes';
/** The traced keys: this far apart, each key's work counted for at most `TRACE_WINDOW` ms from its keydown. */
export const TRACE_RATE = 4;
export const TRACE_GAP = 350;
export const TRACE_WINDOW = 300;
/** 컨테이너, syllable by syllable: the composition steps a 2-beolsik IME shows, the last one is committed. */
export const KOREAN = [['ㅋ', '커', '컨'], ['ㅌ', '테'], ['ㅇ', '이'], ['ㄴ', '너']];

/**
 * 1,000 characters (code points) of junk, the same every run: ASCII letters, digits, punctuation and spaces,
 * Hangul syllables and jamo, Latin with diacritics, CJK, emoji, and markup-looking pieces.
 */
export function junk(n = 1000) { // n code points (a few emoji take two UTF-16 units)
  let seed = 12;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const pools = [
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
    ' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~   ',
    '가나다라마바사아자차카타파하컨테이너쿠버네티스웹서버클라우드',
    'ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎㅏㅑㅓㅕ',
    'éèêëàâäôöüçñßøåÉÅ',
    '網際網路伺服器雲端容器',
    ['🏗️', '👨‍👩‍👧', '🚀', '✨', '🔥'],
    ['<script>', '</b>', '&amp;', '%20', '\u202e', '\u200b'],
  ];
  const out = [];
  while (out.length < n) {
    const pool = pools[Math.floor(rnd() * pools.length)];
    const items = Array.isArray(pool) ? pool : Array.from(pool);
    out.push(...Array.from(items[Math.floor(rnd() * items.length)]));
  }
  return out.slice(0, n).join('');
}

/** The probe installed, focus in the search field, and then the CPU throttled to `rate`, each given time to settle. */
async function intoField(page, cdp, rate) {
  await page.evaluate(searchProbe);
  await page.click('#search-field');
  await sleep(300);
  if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await sleep(300);
}

/** Event Timing: each step gets the longest entry that starts within it (steps are `gap` ms apart or more). */
function withEventTiming(steps, entries) {
  steps.forEach((s, i) => {
    const end = i + 1 < steps.length && steps[i + 1].t0 !== null ? steps[i + 1].t0 : Infinity;
    const et = s.t0 === null ? [] : entries.filter((e) => e.t >= s.t0 - 1 && e.t < end);
    s.eventTiming = et.length ? Math.max(...et.map((e) => e.d)) : null;
    s.eventTimingWhat = et.map((e) => `${e.name} ${Math.round(e.d)}`).join(', ');
  });
}

/** One run at one CPU rate: an English page and a Korean page, each step measured. */
async function searchRun(browser, url, rate, { gap, log }) {
  const steps = [];
  const errors = [];
  const timeout = 3000 * rate;
  const session = async (hash, fn) => {
    const { context, page, cdp, errors: pageErrors } = await openApp(browser, `${url}${hash}`, null, { instrument: false });
    try {
      await intoField(page, cdp, rate);
      const step = async (label, kind, send) => {
        await page.evaluate(searchArm, { label, timeout });
        await send();
        const r = await page.evaluate(searchWait);
        steps.push({ ...r, kind, rate });
        if (r.timedOut) errors.push(`${label}: no update within ${timeout} ms`);
        await sleep(gap);
        return r;
      };
      const first = steps.length;
      await fn({ context, page, cdp, step });
      withEventTiming(steps.slice(first), await page.evaluate(searchEventTiming));
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 }).catch(() => {});
    } finally {
      errors.push(...pageErrors);
      await context.close().catch(() => {});
    }
  };
  await session('#/?lang=en', async ({ context, page, step }) => {
    for (const ch of ENGLISH) await step(ch, 'key', () => page.keyboard.press(ch));
    await step('Esc', 'clear', () => page.keyboard.press('Escape'));
    // A real paste: the junk into the (headless browser's own) clipboard first, then Ctrl+V.
    const text = junk();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    const r = await step('paste', 'paste', () => page.keyboard.press('ControlOrMeta+V'));
    if (r.value !== text.length) errors.push(`paste: the field holds ${r.value} UTF-16 units, not ${text.length}`);
  });
  await session('#/', async ({ cdp, step }) => {
    const compose = (t) => cdp.send('Input.imeSetComposition', { text: t, selectionStart: t.length, selectionEnd: t.length });
    for (const jamo of KOREAN) {
      for (const t of jamo) { await compose(t); await sleep(30); }
      const syllable = jamo.at(-1);
      await step(syllable, 'ime', () => cdp.send('Input.insertText', { text: syllable }));
    }
  });
  const typed = steps.filter((s) => s.kind === 'key' || s.kind === 'ime');
  log(`search ${rate}× CPU: ${typed.map((s) => `${s.label} ${s.latency === null ? 'n/a' : Math.round(s.latency)}`).join(' ')} ms; ` +
    `Esc ${fmt(steps.find((s) => s.kind === 'clear'))}, paste ${fmt(steps.find((s) => s.kind === 'paste'))} ms${errors.length ? ` [${errors.join('; ')}]` : ''}`);
  return { steps, errors };
}
const fmt = (s) => (s && s.latency !== null ? `${Math.round(s.latency)}` : 'n/a');

/**
 * The page without the app: the same URL with every .wasm request aborted, the prerendered page with the same
 * field. The loader's failure would reach boot.js (a window `error` or `unhandledrejection`), which then shows
 * the page as a plain document; an init script, run before boot.js, keeps those two events from its listeners,
 * so html.js stays and the page keeps the layout the app's page has. Errors of the blocked load are dropped:
 * `errors` holds only those after the page has settled.
 */
async function openBaseline(browser, url) {
  const context = await newContext(browser, DESKTOP_VIEWPORT);
  await context.addInitScript(() => {
    addEventListener('unhandledrejection', (e) => e.stopImmediatePropagation(), true);
    addEventListener('error', (e) => { if (e.target === window) e.stopImmediatePropagation(); }, true);
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.route('**/*.wasm', (r) => r.abort());
  const blocked = page.waitForEvent('requestfailed', { predicate: (r) => /\.wasm(\?|$)/.test(r.url()), timeout: 30_000 });
  await page.goto(url, { waitUntil: 'load' });
  await blocked;
  await sleep(1500);
  const state = await page.evaluate(() => {
    const app = document.getElementById('app');
    return { js: document.documentElement.classList.contains('js'), prerendered: !!app && app.hasAttribute('data-prerendered'), field: !!document.getElementById('search-field') };
  });
  if (!state.js || !state.prerendered || !state.field) {
    await context.close().catch(() => {});
    throw new Error(`baseline page: html.js ${state.js}, #app prerendered ${state.prerendered}, #search-field ${state.field} (expected all true)`);
  }
  const cdp = await context.newCDPSession(page);
  errors.length = 0;
  return { context, page, cdp, errors };
}

/** One baseline run at one CPU rate: the English keys on the page without the app, each to its next frame. */
async function baselineRun(browser, url, rate, { gap, log }) {
  const steps = [];
  const errors = [];
  const timeout = 3000 * rate;
  const { context, page, cdp, errors: pageErrors } = await openBaseline(browser, `${url}#/?lang=en`);
  try {
    await intoField(page, cdp, rate);
    for (const ch of ENGLISH) {
      await page.evaluate(searchArm, { label: ch, timeout, until: 'input' });
      await page.keyboard.press(ch);
      const r = await page.evaluate(searchWait);
      steps.push({ ...r, kind: 'key', rate });
      if (r.timedOut) errors.push(`${ch}: no frame after the input event within ${timeout} ms`);
      else if (r.value !== steps.length) errors.push(`${ch}: the field holds ${r.value} characters, not ${steps.length}`);
      await sleep(gap);
    }
    withEventTiming(steps, await page.evaluate(searchEventTiming));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 }).catch(() => {});
  } finally {
    errors.push(...pageErrors);
    await context.close().catch(() => {});
  }
  log(`search baseline ${rate}× CPU: ${steps.map((s) => `${s.label} ${fmt(s)}`).join(' ')} ms${errors.length ? ` [${errors.join('; ')}]` : ''}`);
  return { steps, errors };
}

/** Trace categories: every main-thread task and the events inside it (event dispatch, script, style, layout, paint). */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'];

/**
 * Where the main thread's time goes per key, from a Chromium trace of typing (`keys` keydowns expected).
 * Per key: the top-level tasks of the renderer's main thread (RunTask, not nested in another event) that start
 * in the key's window, from the start of the task that dispatched its keydown until the next key's or `windowMs`
 * ms later, whichever is first. Their time is split by each event's self time (its duration minus its
 * children's), so nested events count once (keypress holds textInput, which holds beforeinput and input, which
 * hold the app's listener): an event's self time goes to its own kind, or, for names not listed, to its
 * parent's kind:
 * - script: FunctionCall (listeners, timer, frame and idle callbacks), microtasks, V8 (compile, GC, …), and what
 *   script calls that is not listed below (the HTML parser of innerHTML, DOM work): the page's own JavaScript and
 *   wasm; `scriptBy` splits it by where it ran (`input listener`, `microtasks`, the HTML parser, GC, …);
 * - dispatch & editing: EventDispatch's self time (outside any script), the browser's own: routing the key's
 *   events and the default actions of keypress/textInput, which edit the field;
 * - style & layout: UpdateLayoutTree, Layout (forced from script too);
 * - paint: PrePaint, Paint, Layerize, Commit, …;
 * - fetches & other documents: whole tasks without script that load a resource or work on another document of
 *   the renderer (an SVG image is a page of its own): here the favicon, icon.svg, which Chromium fetches (it is
 *   sent with Cache-Control: no-cache) and decodes again after each URL change the app makes;
 * - other: the rest (task overhead, input routing, hit testing, …).
 * Durations are wall time on the throttled thread, what a reader waits for.
 */
export function keystrokeWork(buf, { windowMs = TRACE_WINDOW, keys = null } = {}) {
  const json = JSON.parse(buf.toString('utf8'));
  const events = Array.isArray(json) ? json : json.traceEvents || [];
  const keydowns = events.filter((e) => e.ph === 'X' && e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
  if (!keydowns.length) return { error: 'no keydown in the trace' };
  const { pid, tid } = keydowns[0];
  if (keydowns.some((e) => e.pid !== pid || e.tid !== tid)) return { error: 'keydowns on more than one thread' };
  const mine = events.filter((e) => e.pid === pid && e.tid === tid);
  // The page's own frames (as tracing started, else the thread's most frequent one); events of any other frame
  // on this thread belong to another document.
  const frameOf = (e) => e.args?.frame ?? e.args?.data?.frame ?? e.args?.beginData?.frame ?? null;
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const pageFrames = new Set((started?.args?.data?.frames || []).map((f) => f.frame));
  if (!pageFrames.size) {
    const seen = new Map();
    for (const e of mine) if (frameOf(e)) seen.set(frameOf(e), (seen.get(frameOf(e)) || 0) + 1);
    if (seen.size) pageFrames.add([...seen].sort((a, b) => b[1] - a[1])[0][0]);
  }
  const otherFrames = new Set(mine.map(frameOf).filter((f) => f && !pageFrames.has(f)));
  // The tree of complete events: parent first (earlier start, then longer), a stack of open events.
  const xs = mine.filter((e) => e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const parent = new Map();
  const childTime = new Map();
  const stack = [];
  for (const e of xs) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const p = stack.at(-1) ?? null;
    parent.set(e, p);
    if (p) childTime.set(p, (childTime.get(p) || 0) + e.dur);
    stack.push(e);
  }
  const tasks = xs.filter((e) => parent.get(e) === null);
  // Each task's events (itself included), found once.
  const within = new Map(tasks.map((t) => [t, []]));
  const tops = new Map();
  const topOf = (e) => {
    if (!tops.has(e)) tops.set(e, parent.get(e) ? topOf(parent.get(e)) : e);
    return tops.get(e);
  };
  for (const e of xs) within.get(topOf(e)).push(e);
  // Timers, frame and idle callbacks are wrappers: only the script they call is script (Blink runs idle tasks of
  // its own, with no script in them, on the page without the app too).
  const KIND = new Map([
    ...['FunctionCall', 'RunMicrotasks', 'EvaluateScript', 'MajorGC', 'MinorGC', 'GCEvent'].map((n) => [n, 'script']),
    ['EventDispatch', 'dispatch'],
    ...['UpdateLayoutTree', 'RecalculateStyles', 'Layout', 'UpdateLayout'].map((n) => [n, 'style']),
    ...['PrePaint', 'Paint', 'PaintImage', 'Layerize', 'Commit', 'UpdateLayer', 'UpdateLayerTree', 'CompositeLayers', 'Decode Image', 'ImageDecodeTask'].map((n) => [n, 'paint']),
  ]);
  const kinds = new Map();
  const kindOf = (e) => {
    if (kinds.has(e)) return kinds.get(e);
    const p = parent.get(e);
    const up = p ? kindOf(p) : 'other';
    let k = KIND.get(e.name) ?? (/^(V8|v8|wasm)\./.test(e.name) ? 'script' : up);
    if (k === 'dispatch' && up === 'script') k = 'script'; // an event script dispatched: the script's
    kinds.set(e, k);
    return k;
  };
  // Where script time goes: the outermost script event of its chain (an event's listener, microtasks, GC),
  // with the HTML parser that script calls (innerHTML) apart.
  const entries = new Map();
  const entryOf = (e) => {
    if (entries.has(e)) return entries.get(e);
    const p = parent.get(e);
    let label;
    if (e.name === 'ParseHTML') label = 'HTML parser (innerHTML)';
    else if (p && kindOf(p) === 'script') label = entryOf(p);
    else if (e.name === 'FunctionCall' && p?.name === 'EventDispatch') label = `${p.args?.data?.type ?? '?'} listener`;
    else if (e.name === 'RunMicrotasks') label = 'microtasks';
    else if (/GC/.test(e.name)) label = 'GC';
    else if (e.name === 'FunctionCall' && p) label = `${p.name} callback`;
    else label = e.name;
    entries.set(e, label);
    return label;
  };
  // Tasks without script that fetch (a resource load's instants) or work on another document: the favicon's.
  const LOADING = new Set(['ResourceSendRequest', 'ResourceReceiveResponse', 'ResourceReceivedData', 'ResourceFinish']);
  const instants = mine.filter((e) => e.ph !== 'X' && (otherFrames.has(frameOf(e)) || LOADING.has(e.name)));
  const fetching = (t) => !within.get(t).some((e) => kindOf(e) === 'script') &&
    (within.get(t).some((e) => otherFrames.has(frameOf(e))) || instants.some((e) => e.ts >= t.ts && e.ts <= t.ts + t.dur));
  const starts = keydowns.map((k) => topOf(k).ts).sort((a, b) => a - b);
  const per = starts.map((s, i) => {
    const end = Math.min(s + windowMs * 1000, i + 1 < starts.length ? starts[i + 1] : Infinity);
    const mineTasks = tasks.filter((t) => t.ts >= s && t.ts < end);
    const r = { total: 0, script: 0, dispatch: 0, style: 0, paint: 0, fetch: 0, other: 0, tasks: mineTasks.length, longest: 0, scriptBy: {} };
    for (const t of mineTasks) {
      r.total += t.dur;
      r.longest = Math.max(r.longest, t.dur);
      if (fetching(t)) { r.fetch += t.dur; continue; }
      for (const e of within.get(t)) {
        const self = Math.max(0, e.dur - (childTime.get(e) || 0));
        const k = kindOf(e);
        r[k] += self;
        if (k === 'script') r.scriptBy[entryOf(e)] = (r.scriptBy[entryOf(e)] || 0) + self / 1000;
      }
    }
    for (const k of Object.keys(r)) if (typeof r[k] === 'number' && k !== 'tasks') r[k] /= 1000;
    return r;
  });
  return { keys: per, error: keys !== null && per.length !== keys ? `${per.length} keydowns in the trace, ${keys} keys typed` : null };
}

/** One traced page at `TRACE_RATE`× CPU, the app's or the baseline's: "kubernetes" typed `TRACE_GAP` ms apart, no probe. */
async function traceRun(browser, url, app, { log }) {
  const { context, page, cdp, errors } = app
    ? await openApp(browser, `${url}#/?lang=en`, null, { instrument: false })
    : await openBaseline(browser, `${url}#/?lang=en`);
  let tracing = false;
  try {
    await page.click('#search-field');
    await sleep(300);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: TRACE_RATE });
    await sleep(300);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    tracing = true;
    for (const ch of ENGLISH) {
      await page.keyboard.press(ch);
      await sleep(TRACE_GAP);
    }
    tracing = false;
    const work = keystrokeWork(await browser.stopTracing(), { keys: ENGLISH.length });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 }).catch(() => {});
    const value = await page.evaluate(() => document.getElementById('search-field')?.value ?? null);
    const errs = [...errors, ...(work.error ? [work.error] : []), ...(value === ENGLISH ? [] : [`the field holds "${value}"`])];
    const k = work.keys || [];
    log(`search trace ${app ? 'app' : 'baseline'} ${TRACE_RATE}× CPU, per key ms (total/script): ${k.map((x, i) => `${ENGLISH[i]} ${Math.round(x.total)}/${x.script.toFixed(1)}`).join(' ')}` +
      `${errs.length ? ` [${errs.join('; ')}]` : ''}`);
    return { keys: k, errors: errs };
  } finally {
    if (tracing) await browser.stopTracing().catch(() => {});
    await context.close().catch(() => {});
  }
}

/**
 * `runs` runs: per CPU rate (1×, 4×), the app (English and Korean pages) and its baseline; then one traced
 * app page and one traced baseline page at `TRACE_RATE`× CPU. The app and the baseline take turns going first.
 */
export async function searchLatency(browser, url, { runs = 3, gap = 150, log = () => {} } = {}) {
  const out = {
    rates: SEARCH_RATES, runs, gap, english: ENGLISH, korean: KOREAN.map((j) => j.at(-1)).join(''), junkLength: Array.from(junk()).length, byRate: {},
    baseline: { byRate: {} },
    trace: { rate: TRACE_RATE, gap: TRACE_GAP, window: TRACE_WINDOW, app: [], baseline: [], errors: [] },
  };
  for (const rate of SEARCH_RATES) {
    out.byRate[rate] = { steps: [], errors: [] };
    out.baseline.byRate[rate] = { steps: [], errors: [] };
  }
  const keep = (into, r, i) => {
    into.steps.push(...r.steps.map((s) => ({ ...s, run: i + 1 })));
    into.errors.push(...r.errors);
  };
  for (let i = 0; i < runs; i += 1) {
    const appFirst = i % 2 === 0;
    for (const rate of SEARCH_RATES) {
      for (const app of appFirst ? [true, false] : [false, true]) {
        if (app) keep(out.byRate[rate], await searchRun(browser, url, rate, { gap, log }), i);
        else keep(out.baseline.byRate[rate], await baselineRun(browser, url, rate, { gap, log }).catch((e) => ({ steps: [], errors: [`${e.message || e}`.split('\n')[0]] })), i);
      }
    }
    for (const app of appFirst ? [true, false] : [false, true]) {
      const r = await traceRun(browser, url, app, { log }).catch((e) => ({ keys: [], errors: [`${e.message || e}`.split('\n')[0]] }));
      out.trace[app ? 'app' : 'baseline'].push(...r.keys.map((k, j) => ({ ...k, key: ENGLISH[j], run: i + 1 })));
      out.trace.errors.push(...r.errors.map((e) => `${app ? 'app' : 'baseline'}: ${e}`));
    }
  }
  const median = (xs) => { const v = [...xs].sort((a, b) => a - b); const m = v.length >> 1; return v.length ? (v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2) : NaN; };
  log(`search trace: the app's own script per keystroke at ${TRACE_RATE}× CPU: median ${median(out.trace.app.map((k) => k.script)).toFixed(1)} ms ` +
    `(one frame = ${FRAME_MS.toFixed(1)} ms); the page without the app: ${median(out.trace.baseline.map((k) => k.script)).toFixed(1)} ms`);
  return out;
}
