#!/usr/bin/env node
// The benchmark (`make bench`, after the release build): bytes per file against a BEFORE reference, where the
// wasm's bytes go (twiggy), cold loads of the app and of a script-free static baseline in headless Chromium at
// three speeds, start-up tasks (traced, 4× CPU), <html lang> at the first frame for an English and a Korean
// browser, Lighthouse, an animation window, wasm memory over 1,000s of generation changes and an autoplay soak
// in a background tab, the search field's latency per keystroke at 1× and 4× CPU beside the same keys on the page
// without the app (and, traced at 4×, the main thread's work per key, app and baseline), with the budgets next to the
// figures. Prints one table and writes it to
// bench/results/latest.md (raw figures in latest.json, Lighthouse reports as lighthouse-N.json and lighthouse-static-N.json).
// `node bench/run.mjs --report [file.json]` prints the table of a saved run again.
//
// Settings (environment; bench/README.md says more):
//   BENCH_RUNS=5            cold loads per profile and page (app, static, interactive), traced 4× CPU loads,
//                           and loads per browser language (en-US, ko-KR)
//   BENCH_SOAK_SECONDS=300  the background-tab autoplay soak (3600 for an hour; 0 skips it)
//   BENCH_SOAK_SAMPLE=      seconds between the soak's memory readings (default: a tenth of the soak, 15–300 s)
//   BENCH_GEN_CHANGES=3000  generation changes (keys 1…6), read in blocks of 1,000 (0 skips)
//   BENCH_ANIM_SECONDS=10   the animation window (0 skips it)
//   BENCH_LH_RUNS=3         Lighthouse runs of each, app and static copy (0 skips Lighthouse)
//   BENCH_WASM=1            twiggy analysis of the wasm (0 skips it: it runs cargo, wasm-bindgen and wasm-opt)
//   BENCH_SEARCH_RUNS=3     runs of the search-latency typing per CPU rate (1×, 4×), each with its baseline (the
//                           page without the app) and, at 4×, a traced app page and a traced baseline page (0 skips it)
//   BENCH_ONLY=             only these parts, comma-separated: bytes, wasm, loads, startup, languages,
//                           lighthouse, animation, generations, search, soak (e.g. BENCH_ONLY=search)
//   BENCH_BEFORE=           the bytes reference: a build directory, a results .json, a git ref, or `none`;
//                           unset: bench/results/baseline.json if there is one, else commit fc7469b (before issue 9)
//   BENCH_SAVE_BASELINE=0   1: also copy this run's latest.json to bench/results/baseline.json
//   BENCH_DIST=dist         the build to measure (copied once at the start)
//   BENCH_RESULTS=bench/results   where latest.md, latest.json, lighthouse-N.json, lighthouse-static-N.json and baseline.json are
//   CHROMIUM=/usr/bin/chromium, NGINX=/usr/sbin/nginx   (tests/e2e/server.mjs)
import { execFileSync, spawnSync } from 'node:child_process';

// The background soak talks to Chromium over a WebSocket: Node 22 has one built in, Node 20 behind a flag.
if (typeof globalThis.WebSocket === 'undefined' && !process.execArgv.includes('--experimental-websocket')) {
  const r = spawnSync(process.execPath, ['--experimental-websocket', '--no-warnings=ExperimentalWarning', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? (r.signal ? 128 + 15 : 1));
}

const { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } = await import('node:fs');
const { basename, dirname, join, resolve, relative } = await import('node:path');
const { tmpdir, cpus, loadavg } = await import('node:os');
const { fileURLToPath } = await import('node:url');
const { default: zlib } = await import('node:zlib');
const { startServer, launchBrowser, CHROMIUM } = await import('../tests/e2e/server.mjs');
const { PROFILES, SLOW_MOBILE, CHROME_FLAGS, READERS, coldLoad, animationWindow, lighthouse } = await import('./measure.mjs');
const { generationSoak, backgroundSoak } = await import('./soak.mjs');
const { sizes, resolveBefore } = await import('./before.mjs');
const { analyseWasm } = await import('./wasm.mjs');
const { searchLatency } = await import('./search.mjs');
const { report } = await import('./report.mjs');

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const env = (name, dflt) => {
  const v = process.env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name}=${v}: expected a number ≥ 0`);
  return n;
};
const CONFIG = {
  runs: Math.max(1, Math.round(env('BENCH_RUNS', 5))),
  soakSeconds: env('BENCH_SOAK_SECONDS', 300),
  soakSample: env('BENCH_SOAK_SAMPLE', null),
  genChanges: Math.round(env('BENCH_GEN_CHANGES', 3000)),
  animSeconds: env('BENCH_ANIM_SECONDS', 10),
  lhRuns: Math.round(env('BENCH_LH_RUNS', 3)),
  wasm: env('BENCH_WASM', 1) > 0,
  searchRuns: Math.round(env('BENCH_SEARCH_RUNS', 3)),
  only: process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((x) => x.trim()).filter(Boolean) : null,
  before: process.env.BENCH_BEFORE || null,
  saveBaseline: env('BENCH_SAVE_BASELINE', 0) > 0,
  dist: resolve(ROOT, process.env.BENCH_DIST || 'dist'),
};
const PARTS = ['bytes', 'wasm', 'loads', 'startup', 'languages', 'lighthouse', 'animation', 'generations', 'search', 'soak'];
for (const p of CONFIG.only || []) if (!PARTS.includes(p)) throw new Error(`BENCH_ONLY=${process.env.BENCH_ONLY}: no part "${p}" (parts: ${PARTS.join(', ')})`);
/** Whether a part runs: every part unless BENCH_ONLY names some. */
const want = (part) => !CONFIG.only || CONFIG.only.includes(part);
const RESULTS = resolve(ROOT, process.env.BENCH_RESULTS || join(HERE, 'results'));
const started = Date.now();
const log = (msg) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}\n`);

/** What is wrong with a copy of dist/ for measuring: files index.html names but lacks, stale .br/.gz siblings, no prerender. */
function incomplete(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const problems = [];
  for (const [, ref] of html.matchAll(/\b(?:href|src|data-js|data-wasm)\s*=\s*"([^"]+)"/g)) {
    if (/^(#|[a-z][a-z0-9+.-]*:|\/\/)/i.test(ref)) continue;
    const file = decodeURIComponent(ref.replace(/[?#].*$/, '').replace(/^\.\//, ''));
    if (file && !existsSync(join(dir, file))) problems.push(`${file} missing`);
  }
  for (const f of readdirSync(dir)) {
    const m = f.match(/^(.*)\.(br|gz)$/);
    if (!m || !existsSync(join(dir, m[1]))) continue;
    const packed = readFileSync(join(dir, f));
    const size = (m[2] === 'br' ? zlib.brotliDecompressSync(packed) : zlib.gunzipSync(packed)).length;
    if (size !== statSync(join(dir, m[1])).size) problems.push(`${f} is stale`);
  }
  if (!/data-prerendered/.test(html)) problems.push('index.html has no prerendered first view');
  return problems;
}

/**
 * A private copy of dist/, taken once: what the whole run measures, even if dist/ is rebuilt meanwhile (other
 * work on the machine may run `make build`). Waits (up to 2 minutes) while dist/ looks half-built.
 */
async function snapshot(dir) {
  for (let attempt = 1; ; attempt += 1) {
    const tmp = mkdtempSync(join(tmpdir(), 'bench-dist-'));
    temps.add(tmp);
    cpSync(dir, tmp, { recursive: true });
    const problems = incomplete(tmp);
    if (!problems.length) return tmp;
    if (attempt > 24) {
      log(`measuring ${dir} anyway, although: ${problems.join('; ')}`);
      return tmp;
    }
    rmSync(tmp, { recursive: true, force: true });
    log(`${dir} looks half-built (${problems.slice(0, 3).join('; ')}); is a build running? Trying again in 5 s`);
    await new Promise((r) => setTimeout(r, 5000));
  }
}

/** A copy of dist/ whose index.html has no scripts and no (module)preload links: the static baseline. */
function staticCopy(dir) {
  const tmp = mkdtempSync(join(tmpdir(), 'bench-static-'));
  temps.add(tmp);
  cpSync(dir, tmp, { recursive: true });
  const file = join(tmp, 'index.html');
  const html = readFileSync(file, 'utf8')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/gi, '')
    .replace(/<link\b[^>]*\brel\s*=\s*"?(modulepreload|preload)"?[^>]*>\s*/gi, '');
  writeFileSync(file, html);
  // The server would send the precompressed original: replace the siblings with the stripped page's.
  if (existsSync(`${file}.br`)) writeFileSync(`${file}.br`, zlib.brotliCompressSync(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  if (existsSync(`${file}.gz`)) writeFileSync(`${file}.gz`, zlib.gzipSync(html, { level: 9 }));
  return { dir: tmp, scriptsLeft: (html.match(/<script\b/gi) || []).length };
}

/**
 * Other heavy work on the machine right now (builds, test runs), not this run's own processes: the benchmark
 * says so next to its figures. Recognised: cargo (any subcommand) and rustc, trunk, wasm-bindgen(-test-runner),
 * wasm-opt, Playwright test runs (`playwright test`, `npx playwright test`), `node --test`, Lighthouse, make
 * test/build/bench, another bench run, other Chromium browsers, the Nu HTML Checker (java).
 */
function otherWork(psOutput = null, self = process.pid) {
  try {
    const ps = psOutput ?? execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
    const procs = [];
    for (const line of ps.split('\n')) {
      const m = line.match(/^\s*(\d+)\s+(\d+)\s+(.*)$/);
      if (m) procs.push({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] });
    }
    // This run and everything it started (nginx, Chromium, Lighthouse) are not "other" work.
    const parent = new Map(procs.map((p) => [p.pid, p.ppid]));
    const ancestors = new Set();
    for (let p = self, i = 0; p > 1 && i < 64; p = parent.get(p), i += 1) ancestors.add(p); // e.g. make bench
    const ours = (pid) => {
      if (ancestors.has(pid)) return true;
      for (let p = pid, i = 0; p > 1 && i < 64; p = parent.get(p), i += 1) if (p === self) return true;
      return false;
    };
    const seen = new Set();
    for (const { pid, args } of procs) {
      if (ours(pid)) continue;
      const words = args.split(/\s+/);
      const exe = basename(words[0] || '');
      const rest = words.slice(1);
      if (exe === 'cargo') {
        const sub = rest.find((w) => !w.startsWith('-') && !w.startsWith('+'));
        seen.add(`cargo${sub ? ` ${sub}` : ''}`);
      } else if (['rustc', 'trunk', 'wasm-opt', 'wasm-bindgen', 'wasm-bindgen-test-runner', 'clippy-driver'].includes(exe)) {
        seen.add(exe);
      } else if (/^(node|nodejs|npx|npm)$/.test(exe) || /^node\d*$/.test(exe)) {
        const joined = rest.join(' ');
        if (/\bplaywright(\/cli\.js|\/lib\/cli\/cli\.js)?\s+test\b|@playwright\/test\b.*\btest\b/.test(joined)) seen.add('playwright test');
        else if (/(^|\s)--test(\s|$)/.test(joined)) seen.add('node --test');
        else if (/lighthouse/.test(joined)) seen.add('lighthouse');
        else if (/bench\/run\.mjs/.test(joined)) seen.add('another bench run');
      } else if (/^(chromium|chrome|chrome-headless-shell|headless_shell)$/.test(exe) && !rest.some((w) => w.startsWith('--type='))) {
        seen.add('chromium'); // a browser of another test run (its renderers are not counted apart)
      } else if (exe === 'java' && /vnu/.test(args)) {
        seen.add('java (Nu HTML Checker)');
      } else if (exe === 'playwright' && rest[0] === 'test') {
        seen.add('playwright test');
      } else if (exe === 'make' && rest.some((w) => /^(test|test-\S+|build|bench|lint)$/.test(w))) {
        seen.add(`make ${rest.filter((w) => /^(test|test-\S+|build|bench|lint)$/.test(w)).join(' ')}`);
      }
    }
    return [...seen].sort();
  } catch {
    return [];
  }
}
const machine = () => ({ load: loadavg()[0].toFixed(2), others: otherWork() });

function gitDescribe() {
  try {
    const sha = execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', ROOT, 'status', '--porcelain', '--', 'src', 'style', 'assets', 'index.html', 'Trunk.toml', 'Cargo.toml', 'scripts', 'content'], { encoding: 'utf8' }).trim();
    return `${sha}${dirty ? ' + uncommitted changes' : ''}`;
  } catch {
    return 'unknown';
  }
}

/** Temp dirs of this run, removed at exit (also on Ctrl-C). */
const temps = new Set();
function cleanup() {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
  temps.clear();
}
process.on('exit', cleanup);
for (const [sig, n] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
  process.on(sig, () => {
    cleanup();
    process.exit(128 + n); // the exit handlers of tests/e2e/server.mjs stop nginx
  });
}

/** One step of the run: its start logged, the machine's state noted, a failure kept as text instead of ending the run. */
async function step(data, id, what, fn) {
  log(what);
  data.machine[id] = machine();
  try {
    return await fn();
  } catch (e) {
    const msg = `${e.message || e}`.split('\n')[0];
    data.failed[id] = msg;
    log(`${id}: failed: ${msg}`);
    return null;
  }
}

const f0 = (x) => (x === null || x === undefined ? 'n/a' : x.toFixed(0));

async function main() {
  if (!existsSync(join(CONFIG.dist, 'index.html'))) throw new Error(`${CONFIG.dist}/index.html missing: run make build first`);
  mkdirSync(RESULTS, { recursive: true });
  const lhBin = join(HERE, 'node_modules/lighthouse/cli/index.js');
  if (want('lighthouse') && CONFIG.lhRuns > 0 && !existsSync(lhBin)) throw new Error('bench/node_modules has no lighthouse: run bench/setup.sh (make bench does)');

  log(`dist: ${CONFIG.dist}; ${CONFIG.runs} cold loads per profile and page, ${CONFIG.genChanges} generation changes, ` +
    `background soak ${CONFIG.soakSeconds} s, Lighthouse ×${CONFIG.lhRuns}, wasm analysis ${CONFIG.wasm ? 'on' : 'off'}, ` +
    `search ${CONFIG.searchRuns} runs per CPU rate${CONFIG.only ? `; only: ${CONFIG.only.join(', ')}` : ''}`);
  const snap = await snapshot(CONFIG.dist);
  const data = {
    when: new Date().toISOString(),
    commit: gitDescribe(),
    config: CONFIG,
    flags: CHROME_FLAGS,
    slowMobile: SLOW_MOBILE,
    profiles: PROFILES.map(({ id, label, about }) => ({ id, label, about })),
    readers: READERS,
    cpus: cpus().length,
    loadavg: { start: loadavg()[0].toFixed(2), end: null },
    machine: {},
    failed: {},
    loads: {},
  };
  if (want('bytes')) data.size = sizes(ROOT, snap, log);

  // The CPU-heavy parts first (a reference build, cargo for the wasm analysis), before anything is timed.
  if (want('bytes')) data.before = await step(data, 'before', `before: the bytes reference (BENCH_BEFORE=${CONFIG.before ?? '(unset)'})`, async () => {
    const b = await resolveBefore({ root: ROOT, results: RESULTS, log });
    if (b && b.data) delete b.data; // a saved run: its sizes are enough
    if (b && b.error) log(`before: ${b.label}: ${b.error}`);
    return b;
  });
  if (CONFIG.wasm && want('wasm')) {
    data.wasm = await step(data, 'wasm', 'wasm: rebuilding with names for twiggy', async () => {
      const w = analyseWasm({ root: ROOT, distDir: snap, log });
      if (w.error) throw new Error(w.error);
      log(`wasm: ${w.items} items, ${w.total} bytes; name-less rebuild ${w.identical ? 'identical to' : 'DIFFERS from'} the shipped wasm`);
      return w;
    });
  }

  const copy = want('loads') || (want('lighthouse') && CONFIG.lhRuns > 0) ? staticCopy(snap) : null;
  data.staticScriptsLeft = copy ? copy.scriptsLeft : null;
  const appServer = await startServer({ root: snap });
  const staticServer = copy ? await startServer({ root: copy.dir }) : null;
  const browser = await launchBrowser();
  data.chromium = browser.version();
  try {
    if (want('loads')) {
      data.machine.loads = machine();
      // A first load of each, not counted: the browser's own first-use costs (disk cache, code caches).
      await coldLoad(browser, appServer.url, PROFILES[0], 'paint');
      await coldLoad(browser, staticServer.url, PROFILES[0], 'static');
      // Cold loads, interleaved so that noise from the shared machine hits all three alike.
      for (const profile of PROFILES) {
        const runs = { app: [], interactive: [], static: [] };
        for (let i = 0; i < CONFIG.runs; i += 1) {
          const a = await coldLoad(browser, appServer.url, profile, 'paint');
          const s = await coldLoad(browser, staticServer.url, profile, 'static');
          const c = await coldLoad(browser, appServer.url, profile, 'interactive');
          runs.app.push(a);
          runs.static.push(s);
          runs.interactive.push(c);
          const errs = [...a.errors, ...s.errors, ...c.errors];
          log(`${profile.id} #${i + 1}: app FCP ${f0(a.fcp)} LCP ${f0(a.lcp)} took over ${f0(a.takeover)}, CLS ${a.cls.toFixed(3)}, ` +
            `long tasks ${a.longTaskCount} (${f0(a.longTaskTotal)} ms) | static FCP ${f0(s.fcp)} LCP ${f0(s.lcp)} | ` +
            `interactive ${f0(c.interactive)} ms (took over ${f0(c.takeover)}, click ready ${f0(c.clickReady)})${errs.length ? ` [${[...new Set(errs)].join('; ')}]` : ''}`);
        }
        data.loads[profile.id] = runs;
      }
    }

    // Start-up at 4× CPU, traced: every main-thread task from navigation to the takeover, not only those the
    // Long Tasks API reports.
    const cpu4x = PROFILES.find((p) => p.id === 'cpu4x');
    if (want('startup')) data.startup = await step(data, 'startup', `start-up: ${CONFIG.runs} traced loads at 4× CPU`, async () => {
      const out = [];
      for (let i = 0; i < CONFIG.runs; i += 1) {
        const r = await coldLoad(browser, appServer.url, cpu4x, 'trace');
        const t = r.startup || {};
        log(`trace #${i + 1}: ${t.error || `longest task ${f0(t.longest)} ms at ${f0(t.longestAt)} (${(t.longestWhat || []).join(', ')}), ` +
          `blocking FCP→takeover ${f0(t.blockingFcpToTakeover)} ms, took over ${f0(t.takeover)}`}${r.errors.length ? ` [${r.errors.join('; ')}]` : ''}`);
        out.push(r);
      }
      return out;
    });

    // <html lang> at the first frame, for a browser preferring English and one preferring Korean.
    if (want('languages')) data.languages = await step(data, 'languages', `languages: ${CONFIG.runs} desktop loads per browser language (${READERS.map((r) => r.locale).join(', ')})`, async () => {
      const out = {};
      for (const reader of READERS) out[reader.id] = [];
      for (let i = 0; i < CONFIG.runs; i += 1) {
        for (const reader of READERS) {
          const r = await coldLoad(browser, appServer.url, PROFILES[0], 'paint', { locale: reader.locale });
          out[reader.id].push(r);
          log(`${reader.locale} #${i + 1}: lang at first frame ${r.langAtFirstFrame}, at FCP ${r.langAtFcp}, now ${r.langNow}` +
            `${r.langSwitches.length ? `, switched after FCP: ${r.langSwitches.map((x) => `${x.from}→${x.to} at ${f0(x.t)} ms`).join(', ')}` : ''}`);
        }
      }
      return out;
    });

    data.lighthouse = [];
    data.lighthouseStatic = [];
    if (CONFIG.lhRuns > 0 && want('lighthouse')) {
      // The script-free static copy after each run of the app's, with the same settings: what the page itself
      // costs on this machine (its first layout is most of Lighthouse's blocking time here), beside the app.
      await step(data, 'lighthouse', `lighthouse: ${CONFIG.lhRuns} runs, each followed by one of the static copy`, async () => {
        const once = async (url, name, i) => {
          let r;
          for (let attempt = 1; attempt <= 2; attempt += 1) { // one more try after a failed run (Lighthouse's advice)
            r = await lighthouse({ lhBin, url, chromePath: CHROMIUM, outFile: join(RESULTS, `${name}-${i + 1}.json`), log });
            log(r.error ? `${name} #${i + 1}: ${r.error}` :
              `${name} #${i + 1}: ${r.performance}/${r.accessibility}/${r.bestPractices}/${r.seo}, TBT ${Math.round(r.tbt)} ms, CLS ${r.cls}`);
            if (!r.error) break;
          }
          return r;
        };
        for (let i = 0; i < CONFIG.lhRuns; i += 1) {
          data.lighthouse.push(await once(appServer.url, 'lighthouse', i));
          data.lighthouseStatic.push(await once(staticServer.url, 'lighthouse-static', i));
        }
      });
    }

    if (CONFIG.animSeconds > 0 && want('animation')) {
      data.animation = await step(data, 'animation', `animation: ${CONFIG.animSeconds} s of play, then Home and 5× ArrowRight`, async () => {
        const a = await animationWindow(browser, appServer.url, CONFIG.animSeconds);
        log(`animation: ${a.longTasks.length} long tasks, ${a.frames.length} frames`);
        return a;
      });
    }

    if (CONFIG.genChanges > 0 && want('generations')) {
      const perBlock = Math.min(1000, CONFIG.genChanges);
      const blocks = Math.max(1, Math.round(CONFIG.genChanges / perBlock));
      data.generations = await step(data, 'generations', `generation soak: ${blocks} × ${perBlock} changes (keys 1…6)`, () =>
        generationSoak(browser, appServer.url, { blocks, perBlock, log }));
    }

    // Search (issue 12): a keystroke in the search field → the frame with its results, at 1× and 4× CPU, beside
    // the same keys on the page without the app; the main thread's work per key, traced at 4×.
    if (CONFIG.searchRuns > 0 && want('search')) {
      data.search = await step(data, 'search', `search: typing, ${CONFIG.searchRuns} runs at 1× and 4× CPU`, () =>
        searchLatency(browser, appServer.url, { runs: CONFIG.searchRuns, log }));
    }
  } finally {
    await browser.close().catch(() => {});
  }
  try {
    if (CONFIG.soakSeconds > 0 && want('soak')) {
      const every = CONFIG.soakSample ?? Math.min(300, Math.max(15, Math.round(CONFIG.soakSeconds / 10)));
      data.soak = await step(data, 'soak', `background soak: ${CONFIG.soakSeconds} s of autoplay in a hidden tab, memory every ${every} s`, () =>
        backgroundSoak({ url: appServer.url, seconds: CONFIG.soakSeconds, chromePath: CHROMIUM, flags: CHROME_FLAGS, sampleEvery: every, log }));
    }
  } finally {
    await appServer.stop();
    if (staticServer) await staticServer.stop();
    if (copy) rmSync(copy.dir, { recursive: true, force: true });
    rmSync(snap, { recursive: true, force: true });
  }
  data.seconds = Math.round((Date.now() - started) / 1000);
  data.loadavg.end = loadavg()[0].toFixed(2);
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(data, null, 1)}\n`); // first: the figures survive a report bug
  if (CONFIG.saveBaseline) {
    copyFileSync(join(RESULTS, 'latest.json'), join(RESULTS, 'baseline.json'));
    log(`this run is the new baseline: ${relative(ROOT, join(RESULTS, 'baseline.json'))} (the BEFORE of later runs while BENCH_BEFORE is unset)`);
  }
  const md = report(data);
  writeFileSync(join(RESULTS, 'latest.md'), md);
  process.stdout.write(`\n${md}\n`);
  log(`written to ${relative(ROOT, join(RESULTS, 'latest.md'))} (raw: latest.json beside it) in ${data.seconds} s`);
}

if (process.argv[2] === '--report') {
  // Re-renders the table from a saved run: node bench/run.mjs --report [bench/results/latest.json]
  const data = JSON.parse(readFileSync(process.argv[3] || join(RESULTS, 'latest.json'), 'utf8'));
  process.stdout.write(`${report(data)}\n`);
} else main().catch((e) => {
  process.stderr.write(`bench: ${e.stack || e}\n`);
  process.exit(1);
});
