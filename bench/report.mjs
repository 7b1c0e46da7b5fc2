// Turns the raw figures of bench/run.mjs into the markdown table it prints and writes to bench/results/latest.md.
import { basename } from 'node:path';
import { FRAME_MS } from './search.mjs';

export const ALLOWED_PROPS = new Set(['transform', 'opacity', 'stroke-dashoffset']);

const nums = (xs) => xs.filter((x) => typeof x === 'number' && Number.isFinite(x));
export function median(xs) {
  const v = nums(xs).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}
const min = (xs) => (nums(xs).length ? Math.min(...nums(xs)) : null);
const max = (xs) => (nums(xs).length ? Math.max(...nums(xs)) : null);
const ms = (x) => (typeof x !== 'number' || !Number.isFinite(x) ? 'n/a' : `${Math.round(x)}`);
const spread = (xs, f = ms) => {
  const m = median(xs);
  if (m === null) return 'n/a';
  return nums(xs).length > 1 ? `${f(m)} (${f(min(xs))}–${f(max(xs))})` : f(m);
};
const kb = (b) => (b === null || b === undefined ? 'n/a' : `${(b / 1024).toFixed(1)} KB`);
const cls = (x) => (typeof x !== 'number' || !Number.isFinite(x) ? 'n/a' : x === 0 ? '0' : x.toFixed(4));
const verdict = (ok) => (ok === null ? 'n/a' : ok ? 'PASS' : 'MISS');
const pick = (runs, key) => runs.map((r) => r[key]);
const name = (url) => { try { return basename(new URL(url).pathname) || '/'; } catch { return url; } };

function table(head, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const GROUP_ORDER = ['html', 'css', 'js glue', 'wasm', 'boot/sw-register', 'sw.js', 'other'];
const signed = (x) => (x === null || x === undefined ? 'n/a' : x > 0 ? `+${x}` : `${x}`);
const pct = (a, b) => (a === null || b === null || a === undefined || b === undefined || !b ? '' : ` (${a - b > 0 ? '+' : ''}${(((a - b) / b) * 100).toFixed(1)} %)`);
const share = (x) => `${(x * 100).toFixed(1)} %`;
const yes = (ok) => (ok === null || ok === undefined ? 'n/a' : ok ? 'yes' : '**no**');

/** Pairs the files of BEFORE and AFTER by their name without Trunk's hash. */
export function pairFiles(before, after) {
  const rows = new Map();
  for (const f of after) rows.set(f.logical, { name: f.logical, group: f.group, firstLoad: f.firstLoad, after: f, before: null });
  for (const f of before || []) {
    const r = rows.get(f.logical);
    if (r) r.before = f;
    else rows.set(f.logical, { name: f.logical, group: f.group, firstLoad: f.firstLoad, after: null, before: f });
  }
  return [...rows.values()].sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) || a.name.localeCompare(b.name));
}

/** The first-load bytes (raw and brotli) per group and in all, of one build's files. */
export function firstLoadTotals(files) {
  const groups = {};
  let raw = 0;
  let br = 0;
  for (const f of (files || []).filter((x) => x.firstLoad)) {
    const g = (groups[f.group] ||= { raw: 0, br: 0, files: 0 });
    g.raw += f.raw;
    g.br += f.br;
    g.files += 1;
    raw += f.raw;
    br += f.br;
  }
  return { groups, raw, br };
}

/**
 * The search's baseline (runs before bench/search.mjs had one have none): the same English keys on the page
 * without the app, to the first frame after the input event, beside the app's keys; then the traced main-thread
 * work per key at 4× CPU, app and baseline, split by kind, and the app's own script.
 */
function searchBaseline(out, Q) {
  if (!Q.baseline) return;
  const f1 = (x) => (typeof x !== 'number' || !Number.isFinite(x) ? 'n/a' : x.toFixed(1));
  const lat = (xs) => xs.map((s) => s.latency);
  const worst = (xs) => max(lat(xs));
  const rows = Q.rates.map((rate) => {
    const app = Q.byRate[rate].steps.filter((s) => s.kind === 'key');
    const base = Q.baseline.byRate[rate].steps;
    const measured = base.filter((s) => s.latency !== null);
    const am = median(lat(app));
    const bm = median(lat(base));
    return {
      rate, app, base,
      appMw: `${ms(am)} / ${ms(worst(app))}`,
      baseMw: `${ms(bm)} / ${ms(worst(base))}`,
      diff: am === null || bm === null ? 'n/a' : `${am - bm >= 0 ? '+' : ''}${Math.round(am - bm)}`,
      appInput: ms(median(app.map((s) => s.inputFrame))),
      baseOver: `${measured.filter((s) => s.latency > FRAME_MS).length} of ${measured.length}${measured.length < base.length ? ` (${base.length - measured.length} without a frame)` : ''}`,
      baseEt: `${base.filter((s) => s.eventTiming !== null && s.eventTiming > FRAME_MS).length} of ${base.length}; ` +
        `${max(base.map((s) => s.eventTiming)) === null ? '< 16' : ms(max(base.map((s) => s.eventTiming)))}`,
      errors: [...new Set(Q.baseline.byRate[rate].errors)],
    };
  });
  out.push(`### What the browser does anyway: "${Q.english}" on the same page without the app`);
  out.push('');
  out.push('Baseline: the same page and URL with every `.wasm` request aborted, so the app never starts (the page keeps `html.js`, as before the takeover: ' +
    'boot.js\'s plain-document fallback is held back, so the field and the layout are the app\'s), the same real key presses, the same probe, fresh pages, ' +
    'taking turns with the app. With no app there is no search to wait for: a baseline key ends with the first frame after its `input` event ' +
    '(a requestAnimationFrame from an input listener, then a task posted from it). The app\'s keys are those of the table above; "first frame after input" is ' +
    'the same end as the baseline\'s, measured on the app\'s keys.');
  out.push('');
  const row = (label, fn) => [label, ...rows.map(fn)];
  out.push(table(['', ...rows.map((r) => `${r.rate}× CPU`)], [
    row(`**app: "${Q.english}" key → frame with its results, median / worst ms**`, (r) => `**${r.appMw}**`),
    row('**baseline (no app): key → first frame after input, median / worst ms**', (r) => `**${r.baseMw}**`),
    row('**the app adds (median − median) ms**', (r) => `**${r.diff}**`),
    row('app: key → first frame after input, median ms', (r) => r.appInput),
    row(`baseline keys over a frame (> ${FRAME_MS.toFixed(1)} ms)`, (r) => r.baseOver),
    row('baseline Event Timing: keys over a frame; longest ms', (r) => r.baseEt),
  ]));
  out.push('');
  for (const r of rows) {
    const keys = r.base.filter((s) => s.run === 1).map((s) => `${s.label} ${ms(s.latency)}`).join(', ');
    out.push(`Baseline ${r.rate}× CPU, run 1, ms per key: ${keys}.${r.errors.length ? ` Errors: ${r.errors.slice(0, 5).join('; ')}` : ''}`);
  }
  out.push('');

  const T = Q.trace;
  if (!T || (!T.app.length && !T.baseline.length)) {
    if (T && T.errors.length) out.push(`Traced keys: none. Errors: ${[...new Set(T.errors)].slice(0, 5).join('; ')}`, '');
    return;
  }
  const COLS = [['total', 'all tasks'], ['script', 'script'], ['dispatch', 'dispatch & editing'], ['style', 'style & layout'], ['paint', 'paint'],
    ['fetch', 'fetches & other documents'], ['other', 'other'], ['longest', 'longest task']];
  const med = (keys, k) => median(keys.map((x) => x[k]));
  out.push(`### Main-thread work per key at ${T.rate}× CPU (traced)`);
  out.push('');
  out.push(`One traced page per run for the app and one for the baseline (as above, fresh, taking turns), "${Q.english}" typed ${T.gap} ms apart without the probe. ` +
    'Per key: the top-level tasks of the renderer\'s main thread from the task that dispatched its keydown to the next key ' +
    `(at most ${T.window} ms), split by each trace event\'s self time, so nested events count once (keypress holds textInput, which holds input, which holds the listener). ` +
    '**script**: the page\'s JavaScript and wasm (listeners, microtasks, GC) and what it calls that is not style, layout or paint (innerHTML\'s parser, DOM work); ' +
    '**dispatch & editing**: EventDispatch outside script, the browser routing the key\'s events and editing the field (keypress/textInput default actions); ' +
    '**style & layout**: UpdateLayoutTree, Layout (forced ones too); **paint**: PrePaint, Paint, Layerize, Commit; ' +
    '**fetches & other documents**: tasks without script that load a resource or work on another document of the renderer (an SVG image is a page of its own): ' +
    'here the favicon, which Chromium fetches (`Cache-Control: no-cache`) and decodes again after each URL change the app makes; ' +
    '**other**: the rest (input routing, scheduler, form tracking, task overhead). ' +
    'Wall time on the throttled thread. Medians per column: they do not add up to the median total.');
  out.push('');
  const trow = (label, keys) => [label, ...COLS.map(([k]) => f1(med(keys, k))), `${keys.length}`];
  const dif = ['app − baseline (medians)', ...COLS.map(([k]) => {
    const a = med(T.app, k);
    const b = med(T.baseline, k);
    return a === null || b === null ? 'n/a' : `${a - b >= 0 ? '+' : ''}${f1(a - b)}`;
  }), ''];
  out.push(table(['median ms per key', ...COLS.map(([, l]) => l), 'keys'], [trow('app', T.app), trow('baseline (no app)', T.baseline), dif]));
  out.push('');
  const own = median(T.app.map((x) => x.script));
  const base = median(T.baseline.map((x) => x.script));
  const entries = [...new Set(T.app.flatMap((x) => Object.keys(x.scriptBy || {})))];
  const by = entries.map((e) => [e, median(T.app.map((x) => (x.scriptBy || {})[e] || 0)), max(T.app.map((x) => (x.scriptBy || {})[e] || 0))])
    .sort((a, b) => b[1] - a[1] || b[2] - a[2]);
  const overFrame = T.app.filter((x) => x.script > FRAME_MS).length;
  out.push(`**The app's own script per keystroke at ${T.rate}× CPU: median ${f1(own)} ms, worst ${f1(max(T.app.map((x) => x.script)))} ms ` +
    `(one frame = ${FRAME_MS.toFixed(1)} ms; ${overFrame} of ${T.app.length} keys over a frame); the page without the app: ${f1(base)} ms.** ` +
    `Where it runs, median (worst) ms per key: ${by.map(([e, m, w]) => `${e} ${f1(m)} (${f1(w)})`).join(', ') || 'n/a'}.`);
  out.push('');
  const firsts = (keys) => keys.filter((x, i) => i === 0 || keys[i - 1].run !== x.run);
  out.push(`The page's first key ("${Q.english[0]}"), median ms: app ${f1(median(firsts(T.app).map((x) => x.total)))} all tasks, ${f1(median(firsts(T.app).map((x) => x.script)))} script; ` +
    `baseline ${f1(median(firsts(T.baseline).map((x) => x.total)))} all tasks.${T.errors.length ? ` Errors: ${[...new Set(T.errors)].slice(0, 5).join('; ')}` : ''}`);
  out.push('');
}

export function report(d) {
  const out = [];
  const busy = (id) => {
    const m = d.machine && d.machine[id];
    if (!m) return '';
    return ` _(load average ${m.load} when this part started${m.others.length ? `; also running: ${m.others.join(', ')}` : ''})_`;
  };
  const P = d.profiles;
  const L = d.loads || {};
  const hasLoads = P.every((p) => L[p.id]);
  const ratio = (id, key) => {
    const a = median(pick(L[id].app, key));
    const s = median(pick(L[id].static, key));
    return a === null || s === null || s === 0 ? null : a / s;
  };
  const r2 = (x) => (x === null ? 'n/a' : `${x.toFixed(2)}×`);

  out.push('# Benchmark: 웹 인프라 진화');
  out.push('');
  out.push(`${d.when}, commit ${d.commit}, Chromium ${d.chromium}, ${d.cpus} CPUs (load average ${d.loadavg.start} at start, ` +
    `${d.loadavg.end} at the end), ${d.seconds} s. Timings are medians of ${d.config.runs} cold loads with ` +
    '(min–max); one shared noisy machine, so treat differences under ~20 % as noise. What is measured is a copy of ' +
    `\`${d.config.dist}\` taken at the start, so a rebuild during the run cannot change it.`);
  out.push('');

  if (d.size) {
    // Bytes, against the BEFORE reference.
    const B = d.before && !d.before.error ? d.before : null;
    const bFiles = B ? B.size.files : null;
    out.push(`## Bytes per shipped file, before → after (${d.size.source})`);
    out.push('');
    out.push(`Before: ${d.before ? `${d.before.label}${d.before.error ? ` — **not available**: ${d.before.error}` : ''}` : 'none (BENCH_BEFORE=none)'}. ` +
      'Files are paired by name without Trunk\'s hash; "first" marks what the first load fetches (index.html and the css/js/wasm it names); .br/.gz siblings are left out.');
    out.push('');
    const cell = (f, k) => (f ? `${f[k]}` : '—');
    const delta = (r, k) => (r.before && r.after ? signed(r.after[k] - r.before[k]) : r.after ? 'new' : 'gone');
    out.push(table(['file', 'group', 'first', 'raw before', 'raw after', 'Δ raw', 'brotli before', 'brotli after', 'Δ brotli'],
      pairFiles(bFiles, d.size.files).map((r) => [`\`${r.name}\``, r.group, (r.after || r.before).firstLoad ? 'yes' : '', cell(r.before, 'raw'), cell(r.after, 'raw'), B ? delta(r, 'raw') : '',
        cell(r.before, 'br'), cell(r.after, 'br'), B ? delta(r, 'br') : ''])));
    out.push('');
    const fa = firstLoadTotals(d.size.files);
    const fb = B ? firstLoadTotals(bFiles) : null;
    const grow = (k, g) => {
      const x = g ? fa.groups[g]?.[k] ?? 0 : fa[k];
      const y = fb ? (g ? fb.groups[g]?.[k] ?? 0 : fb[k]) : null;
      return [y === null ? '—' : `${y}`, `${x}`, y === null ? '' : `${signed(x - y)}${pct(x, y)}`];
    };
    const frows = GROUP_ORDER.filter((g) => fa.groups[g] || fb?.groups[g]).map((g) => [g === 'boot/sw-register' ? 'boot scripts (boot, sw-register)' : g, ...grow('raw', g), ...grow('br', g)]);
    frows.push(['**first load**', ...grow('raw').map((x) => `**${x}**`), ...grow('br').map((x) => `**${x}**`)]);
    out.push('First load (html + css + glue js + wasm + boot scripts), bytes:');
    out.push('');
    out.push(table(['part', 'raw before', 'raw after', 'Δ raw', 'brotli before', 'brotli after', 'Δ brotli'], frows));
    out.push('');
    out.push(`scripts/size.sh's first-load figure (brotli): ${d.size.firstLoad ?? 'n/a'} bytes = **${kb(d.size.firstLoad)}**` +
      `${B && B.size.firstLoad ? ` (before ${B.size.firstLoad} bytes = ${kb(B.size.firstLoad)}; ${signed(d.size.firstLoad - B.size.firstLoad)} bytes${pct(d.size.firstLoad, B.size.firstLoad)})` : ''}.`);
    const desk = L.desktop ? L.desktop.app : [];
    out.push(`Measured cold-load transfer (desktop app, every request of the first view, service worker blocked): ` +
      `**${spread(pick(desk, 'transferBodies'), kb)}** of (compressed) bodies, ${spread(pick(desk, 'transfer'), kb)} with headers, ` +
      `in ${median(desk.map((r) => r.requests.length))} requests (body bytes, encoding):`);
    if (desk[0]) {
      out.push(desk[0].requests.map((r) => `\`${name(r.url)}\` ${r.body} ${r.status === 200 ? '' : `HTTP ${r.status} `}${r.encoding || 'identity'}`).join(', ') + '.');
    }
    out.push('');
  }

  // Where the wasm's bytes go.
  const W = d.wasm;
  if (W) {
    out.push(`## Where the wasm's bytes go (${W.twiggy}, shallow sizes as shares of the shipped wasm)`);
    out.push('');
    out.push(`Rebuilt with names kept: \`cargo ${W.cargo.replace(/ --manifest-path \S+/, '')}\`, \`wasm-bindgen ${W.bindgen}\` (+ --keep-debug), ` +
      `\`wasm-opt ${W.wasmOpt}\` (+ -g). The same pipeline without names gives ${W.plain.bytes} bytes, ` +
      `${W.identical === null ? 'no shipped wasm to compare with' : W.identical ? `**byte for byte the shipped \`${W.shipped.file}\`**` : `**not** the shipped wasm (${W.shipped.bytes} bytes): the sources changed since the build, so the figures are approximate`}. ` +
      `The named build is ${W.named.bytes} bytes, of which ${W.named.namesBytes} are names and debug sections (left out below); ` +
      `the items below add up to ${W.total} bytes${W.shipped ? ` (shipped: ${W.shipped.bytes})` : ''}, in ${W.items} items.`);
    out.push('');
    out.push(table(['#', 'item', 'crate', 'bytes', 'share'], W.top.map((t, i) => [`${i + 1}`, `\`${t.name.length > 90 ? `${t.name.slice(0, 87)}…` : t.name}\``.replace(/\|/g, '\\|'), t.crate, `${t.bytes}`, share(t.share)])));
    out.push('');
    out.push('Per crate (a generic function counts for the crate of its type parameter where the name says so, `drop_in_place<T>` for T\'s crate):');
    out.push('');
    const crates = W.crates.slice(0, 24);
    const restC = W.crates.slice(24);
    const crows = crates.map((c) => [c.crate === 'web_infra_evolution' ? '**web_infra_evolution** (this app)' : c.crate, `${c.bytes}`, share(c.share), `${c.items}`]);
    if (restC.length) crows.push([`${restC.length} more`, `${restC.reduce((a, c) => a + c.bytes, 0)}`, share(restC.reduce((a, c) => a + c.share, 0)), `${restC.reduce((a, c) => a + c.items, 0)}`]);
    out.push(table(['crate', 'bytes', 'share', 'items'], crows));
    out.push('');
  }
  if (d.failed?.wasm) out.push(`## Where the wasm's bytes go\n\nFailed: ${d.failed.wasm}\n`);

  const hdr = (r) => r.header || {};
  const moved = (r) => {
    const h = hdr(r);
    if (!h.first || !h.afterTakeover) return null;
    return Math.max(Math.abs(h.afterTakeover.top - h.first.top), Math.abs((h.atTakeover?.top ?? h.first.top) - h.first.top));
  };
  if (hasLoads) {
    // Loads.
    out.push(`## Cold loads (fresh context each, cache empty, service workers blocked)${busy('loads')}`);
    out.push('');
    for (const p of P) out.push(`- **${p.label}**: ${p.about}`);
    out.push(`- static = dist/ with every \`<script>\` and (module)preload link removed from index.html (${d.staticScriptsLeft} scripts left), same nginx.`);
    out.push('- app: loads without input until the page has settled (FCP, LCP, CLS, long tasks, transfer); then one real click on the generation-3 link gives "click → answer, settled".');
    out.push('- interactive: separate loads with a real (CDP) click on `a.node[data-gen="3"]` as soon as the app has taken over (`#app` lost `data-prerendered`) and the page has painted; interactive = that moment + (when `[aria-current="step"]` appears − the click event\'s time stamp), i.e. without the harness\'s own few ms to send the click.');
    out.push('- long tasks are counted from navigation start until 1 s (1.5 s throttled) after the app took over (static: after `load`).');
    out.push('');
    const head = ['metric'];
    for (const p of P) head.push(`${p.label}: app`, `${p.label}: static`);
    const row = (name, fn) => {
      const cells = [name];
      for (const p of P) cells.push(...fn(p.id));
      return cells;
    };
    const both = (key, f = spread) => (id) => [f(pick(L[id].app, key)), f(pick(L[id].static, key))];
    const appOnly = (key, f = spread) => (id) => [f(pick(L[id].app, key)), ''];
    const inter = (key, f = spread) => (id) => [f(pick(L[id].interactive, key)), ''];
    const rows = [
      row('FCP ms', both('fcp')),
      row('LCP ms', both('lcp')),
      row('FCP, LCP app/static', (id) => [`${r2(ratio(id, 'fcp'))}, ${r2(ratio(id, 'lcp'))}`, '1×']),
      row('LCP element', (id) => [L[id].app[0]?.lcpElement ?? 'n/a', L[id].static[0]?.lcpElement ?? 'n/a'].map((s) => `\`${String(s).slice(0, 40)}\``)),
      row('CLS (worst run)', (id) => [cls(max(pick(L[id].app, 'cls'))), cls(max(pick(L[id].static, 'cls')))]),
      row('load event ms', both('load')),
      row('app took over ms', appOnly('takeover')),
      row('app took over ms (interactive loads)', inter('takeover')),
      row('**interactive ms**', inter('interactive')),
      row('click → answer ms, right after take-over', inter('clickToResponse')),
      row('click → answer ms, settled', appOnly('settledClick')),
      row('long tasks (count)', both('longTaskCount', (xs) => spread(xs, (x) => `${x}`))),
      row('long-task time ms', both('longTaskTotal')),
      row('blocking time after FCP ms', both('blocking')),
      row('transfer (bodies)', both('transferBodies', (xs) => spread(xs, kb))),
    ];
    out.push(table(head, rows));
    const errs = P.flatMap((p) => [...L[p.id].app, ...L[p.id].static, ...L[p.id].interactive].flatMap((r) => r.errors.map((e) => `${p.id}: ${e}`)));
    if (errs.length) out.push('', `Errors during loads: ${[...new Set(errs)].join('; ')}`);
    // Where the slow-network first paint waits: each request's start–end, against FCP (first app run).
    const mob = L.mobile && L.mobile.app[0];
    if (mob) {
      out.push('', `Requests of the first slow-mobile app load, ms from the first request (FCP ${ms(mob.fcp)}, took over ${ms(mob.takeover)}): ` +
        mob.requests.map((r) => `\`${name(r.url)}\` ${r.start}–${r.end ?? '?'}`).join(', ') + '.');
    }
    const worstTasks = P.flatMap((p) => L[p.id].app.flatMap((r) => r.longTasks.map((t) => ({ p: p.id, ...t }))));
    if (worstTasks.length) {
      const top = worstTasks.sort((a, b) => b.d - a.d).slice(0, 5).map((t) => `${t.p} ${Math.round(t.d)} ms at ${Math.round(t.t)} ms`);
      out.push('', `Longest app long tasks during load: ${top.join(', ')}.`);
    }
    const shifts = P.flatMap((p) => L[p.id].app.flatMap((r) => r.shifts.map((s) => ({ p: p.id, ...s }))));
    if (shifts.length) {
      const top = shifts.sort((a, b) => b.v - a.v).slice(0, 3).map((s) => `${s.p} ${s.v.toFixed(4)} at ${Math.round(s.t)} ms (${s.sources.join(', ')})`);
      out.push('', `Layout shifts seen in app loads (incl. after the click): ${top.join('; ')}.`);
    }
    out.push('');

    // Start-up (issue 9): the longest task and blocking time at 4× CPU, LCP against the static copy, whether the
    // LCP element is the prerendered one, CLS, the header at first paint and after the takeover, <html lang>.
    out.push(`## Start-up${busy('startup')}`);
    out.push('');
    const T = (d.startup || []).map((r) => r.startup).filter((t) => t && !t.error);
    const srows = [];
    if (T.length) {
      const worst = T.reduce((m, t) => (t.longest > m.longest ? t : m), T[0]);
      srows.push(['longest main-thread task, navigation → takeover (4× CPU, traced)', `**${spread(pick(T, 'longest'))} ms**`,
        `at ${spread(pick(T, 'longestAt'))} ms; the worst: ${worst.longestWhat.join(', ') || '(no named child)'}`]);
      srows.push(['total blocking time FCP → takeover (4× CPU, traced: Σ task − 50 ms)', `**${spread(pick(T, 'blockingFcpToTakeover'))} ms**`,
        `tasks over 50 ms: ${spread(pick(T, 'over50'), (x) => `${x}`)}; main thread busy ${spread(pick(T, 'totalBusy'))} ms of ${spread(pick(T, 'takeover'))} ms to takeover`]);
    } else {
      srows.push(['longest task (4× CPU, traced)', 'n/a', (d.startup || []).map((r) => r.startup?.error).filter(Boolean)[0] || d.failed?.startup || 'not run']);
    }
    if (L.cpu4x) {
      srows.push(['longest task until takeover (4× CPU, Long Tasks API, untraced loads)', `${spread(pick(L.cpu4x.app, 'startupLongest'))} ms`, 'tasks under 50 ms count as 0']);
      srows.push(['total blocking time after FCP (4× CPU, Long Tasks API, until the page settled)', `${spread(pick(L.cpu4x.app, 'blocking'))} ms`, 'TBT as Lighthouse counts it, without the TTI cut-off']);
    }
    for (const p of P) {
      const apps = L[p.id].app;
      srows.push([`LCP app / static (${p.label})`, `**${r2(ratio(p.id, 'lcp'))}**`, `${spread(pick(apps, 'lcp'))} / ${spread(pick(L[p.id].static, 'lcp'))} ms`]);
    }
    for (const p of P) {
      const apps = L[p.id].app;
      const infos = apps.map((r) => r.lcpInfo).filter(Boolean);
      const pre = infos.filter((x) => x.prerendered).length;
      const before = apps.filter((r) => r.lcpBeforeTakeover).length;
      srows.push([`LCP element is the prerendered one (${p.label})`, `${yes(infos.length ? pre === infos.length : null)} (${pre}/${apps.length})`,
        `\`${apps[0]?.lcpElement ?? 'n/a'}\`${infos[0] ? ` "${infos[0].text}"` : ''}; LCP before takeover in ${before}/${apps.length}`]);
    }
    const allApp = P.flatMap((p) => L[p.id].app);
    srows.push(['CLS, worst app load (all profiles)', `**${cls(max(pick(allApp, 'cls')))}**`, `static: ${cls(max(P.flatMap((p) => pick(L[p.id].static, 'cls'))))}`]);
    for (const p of P) {
      const apps = L[p.id].app;
      const m = apps.map(moved).filter((x) => x !== null);
      const h0 = hdr(apps[0]);
      const px = (x) => (x === null || x === undefined ? 'n/a' : `${Math.round(x * 10) / 10} px`);
      srows.push([`header top: first paint → after takeover (${p.label})`,
        m.length ? `${px(h0.first?.top)} → ${px(h0.afterTakeover?.top)}: ${m.every((x) => x < 0.5) ? 'equal' : `**moves ${px(Math.max(...m))}**`}` : 'n/a',
        `${m.filter((x) => x < 0.5).length}/${apps.length} loads unmoved; first seen at ${ms(h0.first?.t)} ms, takeover at ${ms(apps[0]?.takeover)} ms`]);
    }
    const LG = d.languages;
    if (LG) {
      for (const reader of d.readers) {
        const runs = LG[reader.id] || [];
        const want = reader.id;
        const atFrame = runs.filter((r) => r.langAtFirstFrame === want).length;
        const atFcp = runs.filter((r) => r.langAtFcp === want).length;
        const seen = [...new Set(runs.map((r) => r.langAtFirstFrame))].join(', ');
        const sw = runs.flatMap((r) => r.langSwitches);
        srows.push([`<html lang> at first frame, browser ${reader.locale}`, `**${want} at first frame: ${atFrame === runs.length && runs.length ? 'yes' : 'no'}** (${atFrame}/${runs.length})`,
          `seen: ${seen || 'n/a'}; at DOMContentLoaded ${[...new Set(runs.map((r) => r.langAtDcl))].join(', ')}; at FCP ${want} in ${atFcp}/${runs.length}; ` +
          `at the end ${[...new Set(runs.map((r) => r.langNow))].join(', ')}${sw.length ? `; **switched after FCP**: ${sw.slice(0, 3).map((x) => `${x.from}→${x.to} at ${ms(x.t)} ms`).join(', ')}` : ''}`]);
      }
    } else if (d.failed?.languages) {
      srows.push(['<html lang> at first frame', 'n/a', d.failed.languages]);
    }
    out.push(table(['what', 'measured', 'details'], srows));
    out.push('');
    out.push('Traced loads: a Chromium trace (devtools.timeline) of each cold load at 4× CPU from navigation to the moment `#app` loses ' +
      '`data-prerendered` (the takeover); every RunTask of the renderer main thread counts, not only those over 50 ms. The header is ' +
      '`header.site-header`, its page-relative top as laid out in each frame (an IntersectionObserver entry per frame, so the reading forces no layout) from the first frame that has it to the second frame after the takeover. ' +
      '`<html lang>` at first frame: read in the first requestAnimationFrame callback (before the first frame is drawn), a fresh context ' +
      'with nothing saved, the browser\'s language set by the context\'s locale.');
    out.push('');
  }

  // Animation.
  const A = d.animation;
  const flagged = [];
  if (A) {
    const deltas = A.frames.slice(1).map((t, i) => t - A.frames[i]);
    const med = median(deltas);
    const janky = deltas.filter((x) => x > 1.5 * med);
    const dropped = janky.reduce((a, x) => a + Math.max(1, Math.round(x / med) - 1), 0);
    A.summary = { janky: janky.length, dropped, med };
    out.push(`## Animation window (desktop speed): ${d.config.animSeconds} s of play, then Home + 5× ArrowRight 600 ms apart${busy('animation')}`);
    out.push('');
    out.push(`Window ${((A.t1 - A.t0) / 1000).toFixed(1)} s; playback reached generation ${A.playedThrough}, the keys ended at ${A.endedAt}. ` +
      `${A.frames.length} frames, median frame ${med === null ? 'n/a' : med.toFixed(1)} ms; frames > 1.5× median: **${janky.length}** ` +
      `(≈ ${dropped} frames dropped; worst ${janky.length ? Math.round(Math.max(...janky)) : 0} ms). ` +
      `Long tasks (> 50 ms): **${A.longTasks.length}**${A.longTasks.length ? ` (${A.longTasks.map((t) => `${Math.round(t.d)} ms`).join(', ')})` : ''}.`);
    if (janky.length) {
      // Each slow frame with what happened just before it (input, a step of playback).
      const slow = A.frames.slice(1).map((t, i) => ({ t, d: t - A.frames[i] })).filter((f) => f.d > 1.5 * med)
        .sort((a, b) => b.d - a.d).slice(0, 6).map((f) => {
          const near = A.events.filter((e) => e.t <= f.t && e.t >= f.t - f.d - 100).map((e) => e.what);
          return `${Math.round(f.d)} ms at +${((f.t - A.t0) / 1000).toFixed(2)} s${near.length ? ` (after ${near.join(', ')})` : ''}`;
        });
      out.push(`Slowest frames: ${slow.join('; ')}.`);
    }
    out.push(`Long animation frames (LoAF, > 50 ms): ${A.loafs.length}${A.loafs.length ? ` (${A.loafs.slice(0, 6).map((l) => `${Math.round(l.d)} ms, blocking ${Math.round(l.blocking)} ms${l.scripts.length ? `: ${l.scripts.join(' / ')}` : ''}`).join('; ')})` : ''}. ` +
      'A slow frame without a long task or LoAF was not the page\'s main-thread work (compositor, or the shared machine).');
    if (A.errors.length) out.push(`Page errors: ${A.errors.join('; ')}`);
    out.push('');
    const seenRows = A.seen.map((s) => {
      const ok = ALLOWED_PROPS.has(s.prop);
      if (!ok) flagged.push(`${s.kind} ${s.name} animates ${s.prop} on ${s.targets.join(', ')}`);
      return [s.kind, s.name, s.prop, `${s.frames}`, s.targets.join(', '), ok ? 'ok' : '**FLAG**'];
    });
    out.push('Running animations seen by `document.getAnimations()` in the window (every frame):');
    out.push('');
    out.push(seenRows.length ? table(['kind', 'name', 'property', 'frames', 'targets', ''], seenRows) : '(none)');
    out.push('');
    const kf = new Map(A.declared.keyframes.map((k) => [k.name, k.props]));
    const counts = new Map();
    for (const s of A.started) counts.set(`${s.kind} ${s.name}`, (counts.get(`${s.kind} ${s.name}`) || 0) + 1);
    const startedText = [...counts].map(([k, n]) => {
      const [kind, name] = k.split(' ');
      const props = kind === 'CSSTransition' ? [name] : kf.get(name) || ['?'];
      const bad = props.filter((p) => !ALLOWED_PROPS.has(p));
      if (bad.length) flagged.push(`${kind} ${name} (CDP, from page start) animates ${bad.join(', ')}`);
      return `${k} ×${n} → ${props.join(', ')}${bad.length ? ' **FLAG**' : ''}`;
    });
    out.push(`Started from page load to the end (CDP Animation domain, includes the entrance before take-over): ${startedText.join('; ') || '(none)'}.`);
    out.push('');
    const declared = [
      ...A.declared.keyframes.map((k) => ({ what: `@keyframes ${k.name}`, props: k.props, where: k.where })),
      ...A.declared.transitions.map((t) => ({ what: `transition on \`${t.selector}\``, props: t.props, where: t.where })),
    ];
    const badDecl = declared.filter((x) => x.props.some((p) => !ALLOWED_PROPS.has(p)));
    for (const x of badDecl) flagged.push(`declared: ${x.what} (${x.where}) animates ${x.props.join(', ')}`);
    out.push(`Declared in the stylesheets: ${declared.length} animations/transitions, properties ` +
      `${[...new Set(declared.flatMap((x) => x.props))].join(', ') || '(none)'}; outside transform/opacity/stroke-dashoffset: ` +
      `${badDecl.length ? badDecl.map((x) => `${x.what} (${x.where}): ${x.props.join(', ')}`).join('; ') : 'none'}.`);
    out.push('');
  }

  if (d.animationError) out.push(`## Animation window\n\nFailed: ${d.animationError}\n`);
  // Memory (issue 10).
  const G = d.generations;
  let perThousand = null;
  if (G) {
    const gs = G.samples;
    const deltas = gs.slice(1).map((x, i) => x.wasm - gs[i].wasm);
    perThousand = (gs.at(-1).wasm - gs[0].wasm) / (G.changes / 1000);
    out.push(`## Memory: ${G.changes} generation changes (keys 1…6 cycling, real key presses), visible tab${busy('generations')}`);
    out.push('');
    out.push('After a warm-up (1…6 and Escape, 10×: every view built once); each reading after two forced garbage collections. ' +
      'wasm memory = Σ `buffer.byteLength` of the page\'s WebAssembly.Memory objects (CDP Runtime.queryObjects); it grows in 64 KB pages and never shrinks.');
    out.push('');
    out.push(table(['changes', 'wasm memory', 'Δ wasm', 'JS heap used', 'Δ heap', 'DOM nodes', 'listeners', 'seconds for the block'],
      gs.map((x, i) => [`${x.changes}`, `${x.wasm ?? 'n/a'} (${kb(x.wasm)})`, i ? signed(x.wasm - gs[i - 1].wasm) : '', kb(x.heapUsed),
        i ? `${signed(Math.round((x.heapUsed - gs[i - 1].heapUsed) / 1024))} KB` : '', `${x.nodes}`, `${x.listeners}`, i ? G.blockTimes[i - 1].toFixed(1) : ''])));
    out.push('');
    out.push(`**wasm memory per 1,000 changes: ${signed(Math.round(perThousand))} bytes (${kb(perThousand)})**, blocks ${deltas.map((x) => signed(x)).join(', ')}; ` +
      `JS heap ${signed(Math.round((gs.at(-1).heapUsed - gs[0].heapUsed) / 1024 / (G.changes / 1000)))} KB per 1,000; ` +
      `DOM nodes ${gs[0].nodes} → ${gs.at(-1).nodes}. Generation shown after each block as expected: ${G.blocks - G.wrongAtEnd}/${G.blocks}. ` +
      `History writes throttled by Chromium: ${G.historyThrottled} warnings (tolerated: the app's history writes are best effort).` +
      `${G.errors.length ? ` Page errors: ${[...new Set(G.errors)].slice(0, 5).join('; ')}` : ''}`);
    out.push('');
  }
  if (d.failed?.generations) out.push(`## Memory: generation changes\n\nFailed: ${d.failed.generations}\n`);
  const S = d.soak;
  let soakPerHour = null;
  if (S) {
    const first = S.samples[0];
    const last = S.samples.at(-1);
    const hours = (last.t - first.t) / 3600;
    soakPerHour = hours > 0 ? (last.wasm - first.wasm) / hours : null;
    const heapPerHour = hours > 0 ? (last.heapUsed - first.heapUsed) / hours : null;
    out.push(`## Memory: autoplay in a background tab, ${S.seconds} s${busy('soak')}`);
    out.push('');
    out.push(`Chromium of its own (the benchmark's flags, background throttling on), driven over CDP; the app loaded, Play pressed, another tab ` +
      `opened in front: document.visibilityState **${S.visibility}** (at the end: ${S.visibilityAtEnd}). Play pressed again whenever playback had ` +
      `finished: ${S.presses} presses, **${S.changes} generation changes** (${hours > 0 ? Math.round(S.changes / hours) : 'n/a'} per hour; one step ` +
      'every 3.5 s while playing, as the browser\'s timer throttling allows). Readings after two forced garbage collections.');
    out.push('');
    out.push(table(['t s', 'generation changes', 'wasm memory', 'JS heap used', 'DOM nodes', 'listeners'],
      S.samples.map((x) => [`${x.t}`, `${x.changes}`, `${x.wasm ?? 'n/a'} (${kb(x.wasm)})`, kb(x.heapUsed), `${x.nodes}`, `${x.listeners}`])));
    out.push('');
    out.push(`**wasm memory: ${kb(first.wasm)} at the start → ${kb(last.wasm)} at the end (${signed(last.wasm - first.wasm)} bytes); ` +
      `${soakPerHour === null ? 'n/a' : `${signed(Math.round(soakPerHour))} bytes (${kb(soakPerHour)})`} per hour extrapolated.** ` +
      `JS heap ${kb(first.heapUsed)} → ${kb(last.heapUsed)} (${heapPerHour === null ? 'n/a' : `${signed(Math.round(heapPerHour / 1024))} KB`} per hour); ` +
      `DOM nodes ${first.nodes} → ${last.nodes}. History writes throttled: ${S.historyThrottled}.` +
      `${S.seconds < 3600 ? ` (${S.seconds} s extrapolated to an hour; BENCH_SOAK_SECONDS=3600 measures the hour.)` : ''}` +
      `${S.errors.length ? ` Page errors: ${S.errors.join('; ')}` : ''}`);
    out.push('');
  }
  if (d.failed?.soak) out.push(`## Memory: background tab\n\nFailed: ${d.failed.soak}\n`);

  // Lighthouse: the app's runs, then the script-free static copy's (run right after each of the app's).
  const LH = (d.lighthouse || []).filter((r) => !r.error);
  const LS = (d.lighthouseStatic || []).filter((r) => !r.error);
  if (d.lighthouse && d.lighthouse.length) {
    out.push(`## Lighthouse ${LH[0]?.lighthouseVersion ?? ''} mobile (default simulated throttling), against the nginx URL${busy('lighthouse')}`);
    out.push('');
    const runRows = (runs, prefix) => runs.map((r, i) => (r.error ? [`${prefix}#${i + 1}`, r.error, '', '', '', '', '', '', ''] :
      [`${prefix}#${i + 1}`, `${r.performance}`, `${r.accessibility}`, `${r.bestPractices}`, `${r.seo}`, ms(r.tbt), cls(r.cls), ms(r.fcp), ms(r.lcp)]));
    const medianRow = (label, ok) => [label, ...['performance', 'accessibility', 'bestPractices', 'seo'].map((k) => `${median(pick(ok, k)) ?? 'n/a'}`),
      ms(median(pick(ok, 'tbt'))), cls(median(pick(ok, 'cls'))), ms(median(pick(ok, 'fcp'))), ms(median(pick(ok, 'lcp')))];
    const lrows = [...runRows(d.lighthouse, ''), medianRow('**median**', LH), ...runRows(d.lighthouseStatic || [], 'static ')];
    if (LS.length) lrows.push(medianRow('**static median**', LS));
    out.push(table(['run', 'performance', 'accessibility', 'best practices', 'SEO', 'TBT ms', 'CLS', 'FCP ms', 'LCP ms'], lrows));
    const fl = [...new Set(LH.flatMap((r) => r.flagged))];
    const warn = [...new Set(LH.flatMap((r) => r.warnings))];
    out.push('');
    out.push(`Audits below 1 that carry weight: ${fl.length ? fl.join('; ') : 'none'}.${warn.length ? ` Warnings: ${warn.join(' / ')}` : ''}`);
    const longTasks = (ok) => ok.map((r, i) => `#${i + 1}: ${r.longTasks.length ? r.longTasks.map((t) => `${t.url} ${Math.round(t.duration)} ms`).join(', ') : 'none'}`).join('; ');
    out.push('', `Lighthouse long tasks (simulated mobile CPU): ${longTasks(LH)}.`);
    if (LS.length) out.push('', `The static rows: the script-free copy of the same build (as in the loads), each run right after the app's; its long tasks: ${longTasks(LS)}.`);
    out.push('');
  }

  // Search latency (issue 12).
  const Q = d.search;
  if (Q) {
    out.push(`## Search latency: a keystroke → the frame with its results, at ${Q.rates.map((r) => `${r}×`).join(' and ')} CPU${busy('search')}`);
    out.push('');
    out.push(`${Q.runs} run${Q.runs === 1 ? '' : 's'} per CPU rate, each in fresh pages (desktop, 1280×800), the CPU throttled (CDP Emulation.setCPUThrottlingRate) once the app had taken over; ` +
      `keys ${Q.gap} ms apart. English (\`?lang=en\`): "${Q.english}", one real key press per letter, then Esc and a paste of ${Q.junkLength} characters of junk ` +
      `(into the empty field: the browser's clipboard, then Ctrl+V). Korean: "${Q.korean}" as a 2-beolsik input method types it, each syllable composed jamo by jamo ` +
      '(Input.imeSetComposition; the app searches nothing then) and committed with Input.insertText: the commit is the step measured. ' +
      'Latency = the step\'s first input event (its time stamp: for a key, the keydown as the browser received it) → the end of the frame that draws the ' +
      'search\'s last DOM change (`.search-results`, a `.timeline-node` found/dimmed): a requestAnimationFrame after the change, then a task posted from it. ' +
      `Over a frame: > ${FRAME_MS.toFixed(1)} ms. Event Timing: the longest PerformanceEventTiming entry of the step (entries under 16 ms are not reported; durations rounded to 8 ms).`);
    out.push('');
    const R = Q.rates.map((rate) => {
      const steps = Q.byRate[rate].steps;
      const typed = steps.filter((s) => s.kind === 'key' || s.kind === 'ime');
      const lat = (xs) => xs.map((s) => s.latency);
      const worstOf = (xs) => xs.filter((s) => s.latency !== null).reduce((m, s) => (m === null || s.latency > m.latency ? s : m), null);
      const mw = (xs) => {
        const w = worstOf(xs);
        return `${ms(median(lat(xs)))} / ${ms(w?.latency)}`;
      };
      const en = typed.filter((s) => s.kind === 'key');
      const ko = typed.filter((s) => s.kind === 'ime');
      const w = worstOf(typed);
      const measured = typed.filter((s) => s.latency !== null);
      return {
        rate,
        typed, measured, w,
        median: median(lat(typed)),
        over: measured.filter((s) => s.latency > FRAME_MS).length,
        en: mw(en), ko: mw(ko),
        // The first step of each page: the page's first search.
        firstEn: median(lat(en.filter((s, i) => i === 0 || en[i - 1].run !== s.run))),
        firstKo: median(lat(ko.filter((s, i) => i === 0 || ko[i - 1].run !== s.run))),
        toUpdate: median(typed.map((s) => s.toUpdate)),
        etOver: typed.filter((s) => s.eventTiming !== null && s.eventTiming > FRAME_MS).length,
        etWorst: max(typed.map((s) => s.eventTiming)),
        clear: spread(lat(steps.filter((s) => s.kind === 'clear'))),
        paste: spread(lat(steps.filter((s) => s.kind === 'paste'))),
        pasteResults: steps.find((s) => s.kind === 'paste')?.results,
        errors: [...new Set(Q.byRate[rate].errors)],
      };
    });
    const qrow = (label, fn) => [label, ...R.map(fn)];
    out.push(table(['', ...R.map((r) => `${r.rate}× CPU`)], [
      qrow('**per key: median ms**', (r) => `**${ms(r.median)}**`),
      qrow('**per key: worst ms**', (r) => `**${ms(r.w?.latency)}**${r.w ? ` ("${r.w.label}", run ${r.w.run})` : ''}`),
      qrow(`**keys over a frame (> ${FRAME_MS.toFixed(1)} ms)**`, (r) => `**${r.over}** of ${r.measured.length}${r.measured.length < r.typed.length ? ` (${r.typed.length - r.measured.length} without an update)` : ''}`),
      qrow(`"${Q.english}" keys: median / worst ms`, (r) => r.en),
      qrow(`"${Q.korean}" IME commits: median / worst ms`, (r) => r.ko),
      qrow(`the page's first search ("${Q.english[0]}" / "${Q.korean[0]}"), median ms`, (r) => `${ms(r.firstEn)} / ${ms(r.firstKo)}`),
      qrow('key → DOM updated, median ms', (r) => ms(r.toUpdate)),
      qrow(`Event Timing: keys over a frame; longest ms`, (r) => `${r.etOver} of ${r.typed.length}; ${r.etWorst === null ? '< 16' : ms(r.etWorst)}`),
      qrow('Esc (clears the field and the results) ms', (r) => r.clear),
      qrow(`paste of ${Q.junkLength} characters of junk ms`, (r) => `${r.paste}${r.pasteResults !== undefined ? ` (${r.pasteResults} results)` : ''}`),
    ]));
    out.push('');
    for (const r of R) {
      const keys = r.typed.filter((s) => s.run === 1).map((s) => `${s.label} ${ms(s.latency)}`).join(', ');
      out.push(`${r.rate}× CPU, run 1, ms per step: ${keys}.${r.errors.length ? ` Errors: ${r.errors.slice(0, 5).join('; ')}` : ''}`);
    }
    out.push('');
    searchBaseline(out, Q);
  }
  if (d.failed?.search) out.push(`## Search latency\n\nFailed: ${d.failed.search}\n`);

  if (hasLoads && d.size) {
    // Budgets.
    out.push('## Budgets (reported, not enforced; the 84.5 KB guard is enforced by `make size`)');
    out.push('');
    const b = [];
    b.push(['first load ≤ 60 KB brotli (target)', kb(d.size.firstLoad), verdict(d.size.firstLoad === null ? null : d.size.firstLoad <= 60 * 1024)]);
    b.push(['first load ≤ 75 KB brotli (issue 9\'s target)', kb(d.size.firstLoad), verdict(d.size.firstLoad === null ? null : d.size.firstLoad <= 75 * 1024)]);
    const wasm = (d.size.files ?? []).filter((f) => f.group === 'wasm' && f.firstLoad).reduce((a, f) => a + f.br, 0) || null;
    b.push(['wasm ≤ 64 KB brotli (issue 9\'s target)', kb(wasm), verdict(wasm === null ? null : wasm <= 64 * 1024)]);
    b.push(['first load ≤ 84.5 KB brotli (the guard)', kb(d.size.firstLoad), verdict(d.size.firstLoad === null ? null : d.size.firstLoad <= 86528)]);
    for (const p of P) {
      for (const k of ['fcp', 'lcp']) {
        const r = ratio(p.id, k);
        b.push([`${k.toUpperCase()} ≤ 1.1× static (${p.label})`, `${r2(r)} (${ms(median(pick(L[p.id].app, k)))} / ${ms(median(pick(L[p.id].static, k)))} ms)`, verdict(r === null ? null : r <= 1.1)]);
      }
    }
    const ti = median(pick(L.cpu4x.interactive, 'interactive'));
    b.push(['interactive ≤ 1 s (4× CPU, loopback)', `${ms(ti)} ms (worst ${ms(max(pick(L.cpu4x.interactive, 'interactive')))})`, verdict(ti === null ? null : ti <= 1000)]);
    const cats = ['performance', 'accessibility', 'bestPractices', 'seo'].map((k) => median(pick(LH, k)));
    b.push(['Lighthouse mobile 100/100/100/100', LH.length ? cats.join('/') : 'not run', verdict(LH.length ? cats.every((c) => c === 100) : null)]);
    const loadCls = max(P.flatMap((p) => pick(L[p.id].app, 'cls')));
    const lhCls = median(pick(LH, 'cls'));
    b.push(['CLS 0 (every app load; Lighthouse)', `${cls(loadCls)}; ${LH.length ? cls(lhCls) : 'n/a'}`, verdict(loadCls === 0 && (!LH.length || lhCls === 0))]);
    const lhTbt = median(pick(LH, 'tbt'));
    const lsTbt = median(pick(LS, 'tbt'));
    b.push(['TBT 0 ms (Lighthouse)', LH.length ? `${ms(lhTbt)} ms${lsTbt === null ? '' : ` (the static copy: ${ms(lsTbt)} ms)`}` : 'not run', verdict(LH.length ? lhTbt === 0 : null)]);
    b.push(['0 long tasks during animation', A ? `${A.longTasks.length}` : 'n/a', verdict(A ? A.longTasks.length === 0 : null)]);
    b.push(['only transform/opacity/stroke-dashoffset animate', flagged.length ? flagged.join('; ') : 'nothing else', verdict(A ? flagged.length === 0 : null)]);
    b.push(['wasm memory ≤ 64 KB per 1,000 generation changes', perThousand === null ? 'not run' : `${signed(Math.round(perThousand))} bytes`, verdict(perThousand === null ? null : perThousand <= 64 * 1024)]);
    b.push([`background autoplay: wasm memory flat (< 64 KB per hour)${S && S.seconds < 3600 ? ` (${S.seconds} s extrapolated)` : ''}`,
      soakPerHour === null ? 'not run' : `${signed(Math.round(soakPerHour))} bytes per hour`, verdict(soakPerHour === null ? null : soakPerHour < 64 * 1024)]);
    const heapGrowth = S ? S.samples.at(-1).heapUsed - S.samples[0].heapUsed : null;
    b.push(['background autoplay: JS heap growth < 1 MB over the soak', heapGrowth === null ? 'not run' : `${signed(Math.round(heapGrowth / 1024))} KB`, verdict(heapGrowth === null ? null : heapGrowth < 1024 * 1024)]);
    if (d.languages) {
      for (const reader of d.readers) {
        const runs = d.languages[reader.id] || [];
        const ok = runs.length ? runs.every((r) => r.langAtFirstFrame === reader.id) : null;
        b.push([`<html lang> final at first frame (${reader.locale} → ${reader.id})`, `${runs.filter((r) => r.langAtFirstFrame === reader.id).length}/${runs.length} loads`, verdict(ok)]);
      }
    }
    const allLoads = P.flatMap((p) => L[p.id].app);
    const hm = allLoads.map(moved).filter((x) => x !== null);
    b.push(['header does not move at the takeover', hm.length ? `${hm.filter((x) => x < 0.5).length}/${hm.length} loads; worst ${Math.round(Math.max(...hm) * 10) / 10} px` : 'n/a', verdict(hm.length ? hm.every((x) => x < 0.5) : null)]);
    const lcpPre = allLoads.map((r) => r.lcpInfo).filter(Boolean);
    b.push(['LCP element is prerendered (every app load)', `${lcpPre.filter((x) => x.prerendered).length}/${allLoads.length}`, verdict(lcpPre.length ? lcpPre.every((x) => x.prerendered) && lcpPre.length === allLoads.length : null)]);
    out.push(table(['budget', 'measured', ''], b));
    out.push('');

    out.push('## For scale (reference figures from the issue, not measured by this run)');
    out.push('');
    out.push('- The post rendered as a blog: 616 KB brotli, FCP 0.85 s (2.3 s at 4× CPU), Lighthouse performance 34–38, CLS 0.26–0.51.');
    out.push('- A TimelineJS page: 82.6 KB brotli, first text 0.38 s (1.2 s at 4×), Lighthouse performance 77–80, TBT ≈ 300 ms, blank offline.');
    out.push('');
  } else {
    out.push('## Budgets', '', 'Not all parts ran (BENCH_ONLY): no budgets.', '');
  }
  return out.join('\n');
}
