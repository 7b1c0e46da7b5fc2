// Turns the raw figures of bench/run.mjs into the markdown table it prints and writes to bench/results/latest.md.
import { basename } from 'node:path';

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

export function report(d) {
  const out = [];
  const busy = (id) => {
    const m = d.machine && d.machine[id];
    if (!m) return '';
    return ` _(load average ${m.load} when this part started${m.others.length ? `; also running: ${m.others.join(', ')}` : ''})_`;
  };
  const P = d.profiles;
  const L = d.loads;
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

  // Sizes.
  out.push(`## Bytes per shipped file (${d.size.source})`);
  out.push('');
  out.push(table(['file', 'raw', 'brotli'], d.size.files.map((f) => [f.file, `${f.raw}`, `${f.br}`])));
  out.push('');
  const desk = L.desktop ? L.desktop.app : [];
  out.push(`First load (html + css + js + wasm, brotli, as scripts/size.sh counts it): **${kb(d.size.firstLoad)}** (${d.size.firstLoad} bytes).`);
  out.push(`Measured cold-load transfer (desktop app, every request of the first view, service worker blocked): ` +
    `**${spread(pick(desk, 'transferBodies'), kb)}** of (compressed) bodies, ${spread(pick(desk, 'transfer'), kb)} with headers, ` +
    `in ${median(desk.map((r) => r.requests.length))} requests (body bytes, encoding):`);
  if (desk[0]) {
    out.push(desk[0].requests.map((r) => `\`${name(r.url)}\` ${r.body} ${r.status === 200 ? '' : `HTTP ${r.status} `}${r.encoding || 'identity'}`).join(', ') + '.');
  }
  out.push('');

  // Loads.
  out.push(`## Cold loads (fresh context each, cache empty, service workers blocked)${busy('loads')}`);
  out.push('');
  for (const p of P) out.push(`- **${p.label}**: ${p.about}`);
  out.push(`- static = dist/ with every \`<script>\` and (module)preload link removed from index.html (${d.staticScriptsLeft} scripts left), same nginx.`);
  out.push('- app: loads without input until the page has settled (FCP, LCP, CLS, long tasks, transfer); then one real click on the generation-3 link gives "click → answer, settled".');
  out.push('- interactive: separate loads with a real (CDP) click on `a.node[data-gen="3"]` as soon as `html.taken-over` is set and the page has painted; interactive = that moment + (when `[aria-current="step"]` appears − the click event\'s time stamp), i.e. without the harness\'s own few ms to send the click.');
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
  // Soak.
  const S = d.soak;
  if (d.soakError) out.push(`## Memory soak\n\nFailed: ${d.soakError}\n`);
  let growth = null;
  if (S) {
    const first = S.samples[0];
    const last = S.samples.at(-1);
    growth = last.heapUsed - first.heapUsed;
    out.push(`## Memory soak: ${S.seconds} s of looping playback (play pressed ${S.presses}×; GC before each reading)${busy('soak')}`);
    out.push('');
    out.push(table(['t s', 'JS heap used', 'JS heap total', 'DOM nodes', 'listeners', 'wasm memory'],
      S.samples.map((s) => [`${s.t}`, kb(s.heapUsed), kb(s.heapTotal), `${s.nodes}`, `${s.listeners}`, s.wasm === null ? 'n/a' : kb(s.wasm)])));
    out.push('');
    // After the first cycle the views have all been built once: the growth from there on is the leak signal.
    const warm = S.samples.filter((x) => x.t >= Math.min(60, S.seconds / 3));
    const slope = warm.length >= 2 && warm.at(-1).t > warm[0].t
      ? ((warm.at(-1).heapUsed - warm[0].heapUsed) / 1024 / ((warm.at(-1).t - warm[0].t) / 60)) : null;
    out.push(`Heap growth before → after: **${(growth / 1024).toFixed(1)} KB**` +
      `${slope === null ? '' : ` (from ${warm[0].t} s on, once every view has been built: ${slope.toFixed(1)} KB/min)`}; ` +
      `DOM nodes ${first.nodes} → ${last.nodes}; wasm memory ${kb(first.wasm)} → ${kb(last.wasm)}.` +
      `${S.errors.length ? ` Page errors: ${S.errors.join('; ')}` : ''}`);
    out.push('');
  }

  // Lighthouse.
  const LH = (d.lighthouse || []).filter((r) => !r.error);
  if (d.lighthouse && d.lighthouse.length) {
    out.push(`## Lighthouse ${LH[0]?.lighthouseVersion ?? ''} mobile (default simulated throttling), against the nginx URL${busy('lighthouse')}`);
    out.push('');
    const lrows = d.lighthouse.map((r, i) => (r.error ? [`#${i + 1}`, r.error, '', '', '', '', '', '', ''] :
      [`#${i + 1}`, `${r.performance}`, `${r.accessibility}`, `${r.bestPractices}`, `${r.seo}`, ms(r.tbt), cls(r.cls), ms(r.fcp), ms(r.lcp)]));
    lrows.push(['**median**', ...['performance', 'accessibility', 'bestPractices', 'seo'].map((k) => `${median(pick(LH, k)) ?? 'n/a'}`),
      ms(median(pick(LH, 'tbt'))), cls(median(pick(LH, 'cls'))), ms(median(pick(LH, 'fcp'))), ms(median(pick(LH, 'lcp')))]);
    out.push(table(['run', 'performance', 'accessibility', 'best practices', 'SEO', 'TBT ms', 'CLS', 'FCP ms', 'LCP ms'], lrows));
    const fl = [...new Set(LH.flatMap((r) => r.flagged))];
    const warn = [...new Set(LH.flatMap((r) => r.warnings))];
    out.push('');
    out.push(`Audits below 1 that carry weight: ${fl.length ? fl.join('; ') : 'none'}.${warn.length ? ` Warnings: ${warn.join(' / ')}` : ''}`);
    const lts = LH.map((r, i) => `#${i + 1}: ${r.longTasks.length ? r.longTasks.map((t) => `${t.url} ${Math.round(t.duration)} ms`).join(', ') : 'none'}`);
    out.push('', `Lighthouse long tasks (simulated mobile CPU): ${lts.join('; ')}.`);
    out.push('');
  }

  // Budgets.
  out.push('## Budgets (reported, not enforced; the 100 KB ceiling is enforced by `make size`)');
  out.push('');
  const b = [];
  b.push(['first load ≤ 60 KB brotli (target)', kb(d.size.firstLoad), verdict(d.size.firstLoad === null ? null : d.size.firstLoad <= 60 * 1024)]);
  b.push(['first load ≤ 100 KB brotli (ceiling)', kb(d.size.firstLoad), verdict(d.size.firstLoad === null ? null : d.size.firstLoad <= 100 * 1024)]);
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
  b.push(['TBT 0 ms (Lighthouse)', LH.length ? `${ms(lhTbt)} ms` : 'not run', verdict(LH.length ? lhTbt === 0 : null)]);
  b.push(['0 long tasks during animation', A ? `${A.longTasks.length}` : 'n/a', verdict(A ? A.longTasks.length === 0 : null)]);
  b.push(['only transform/opacity/stroke-dashoffset animate', flagged.length ? flagged.join('; ') : 'nothing else', verdict(A ? flagged.length === 0 : null)]);
  b.push([`heap growth < 1 MB over the loop${S && S.seconds < 300 ? ` (only ${S.seconds} s here, not 5 min)` : ''}`,
    growth === null ? 'not run' : `${(growth / 1024).toFixed(1)} KB`, verdict(growth === null ? null : growth < 1024 * 1024)]);
  out.push(table(['budget', 'measured', ''], b));
  out.push('');

  out.push('## For scale (reference figures from the issue, not measured by this run)');
  out.push('');
  out.push('- The post rendered as a blog: 616 KB brotli, FCP 0.85 s (2.3 s at 4× CPU), Lighthouse performance 34–38, CLS 0.26–0.51.');
  out.push('- A TimelineJS page: 82.6 KB brotli, first text 0.38 s (1.2 s at 4×), Lighthouse performance 77–80, TBT ≈ 300 ms, blank offline.');
  out.push('');
  return out.join('\n');
}
