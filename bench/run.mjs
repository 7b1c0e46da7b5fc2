#!/usr/bin/env node
// The benchmark (`make bench`, after the release build): sizes, cold loads of the app and of a script-free
// static baseline in headless Chromium at three speeds, an animation window, a memory soak and Lighthouse,
// with the budgets next to the figures. Prints one table and writes it to bench/results/latest.md
// (raw figures in latest.json, Lighthouse reports as lighthouse-N.json).
//
// Settings (environment): BENCH_RUNS (cold loads per profile and page, default 5), BENCH_SOAK_SECONDS (300),
// BENCH_ANIM_SECONDS (10), BENCH_LH_RUNS (3; 0 skips Lighthouse), BENCH_DIST (dist), CHROMIUM (/usr/bin/chromium).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve, relative } from 'node:path';
import { tmpdir, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { startServer, launchBrowser, CHROMIUM } from '../tests/e2e/server.mjs';
import { PROFILES, SLOW_MOBILE, CHROME_FLAGS, coldLoad, animationWindow, soak, lighthouse } from './measure.mjs';
import { report } from './report.mjs';

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
  animSeconds: env('BENCH_ANIM_SECONDS', 10),
  lhRuns: Math.round(env('BENCH_LH_RUNS', 3)),
  dist: resolve(ROOT, process.env.BENCH_DIST || 'dist'),
};
const RESULTS = join(HERE, 'results');
const started = Date.now();
const log = (msg) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}\n`);

/** scripts/size.sh: raw and brotli bytes per file, and the first-load figure. */
function sizes(dir) {
  let out;
  let status = 0;
  try {
    out = execFileSync(join(ROOT, 'scripts/size.sh'), [dir], { encoding: 'utf8', env: { ...process.env, SIZE_BUDGET_BROTLI: '1000000000' } });
  } catch (e) {
    out = e.stdout || '';
    status = e.status;
  }
  const files = [];
  let firstLoad = null;
  for (const line of out.split('\n')) {
    const m = line.match(/^(\S+)\s+(\d+)\s+(\d+)$/);
    if (m && m[1] !== 'TOTAL') files.push({ file: m[1], raw: Number(m[2]), br: Number(m[3]) });
    const f = line.match(/^first-load transfer.*?:\s*(\d+) bytes/);
    if (f) firstLoad = Number(f[1]);
  }
  if (files.length) return { files, firstLoad, source: 'scripts/size.sh', status };
  // size.sh missing or changed its output: the same figures computed here.
  log(`scripts/size.sh gave no table (exit ${status}); computing sizes in Node`);
  const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  for (const f of walk(dir).filter((f) => !/\.(br|gz)$/.test(f)).sort()) {
    const buf = readFileSync(f);
    const br = zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    files.push({ file: relative(dir, f), raw: buf.length, br });
  }
  firstLoad = files.filter((f) => /\.(html|css|js|wasm)$/.test(f.file)).reduce((a, f) => a + f.br, 0);
  return { files, firstLoad, source: 'node zlib (brotli q11)', status };
}

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

/** Other heavy work on the machine right now (builds, test runs): the benchmark says so next to its figures. */
function otherWork() {
  try {
    const ps = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
    const seen = new Set();
    for (const line of ps.split('\n')) {
      const [, pid, args] = line.match(/^\s*(\d+)\s+(.*)$/) || [];
      if (!pid || Number(pid) === process.pid) continue;
      const m = args.match(/\b(cargo (build|run|test|clippy)|trunk build|node --test|wasm-bindgen-test-runner|rustc|wasm-opt|lighthouse)\b/);
      if (m) seen.add(m[1]);
    }
    return [...seen];
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

async function main() {
  if (!existsSync(join(CONFIG.dist, 'index.html'))) throw new Error(`${CONFIG.dist}/index.html missing: run make build first`);
  mkdirSync(RESULTS, { recursive: true });
  const lhBin = join(HERE, 'node_modules/lighthouse/cli/index.js');
  if (CONFIG.lhRuns > 0 && !existsSync(lhBin)) throw new Error('bench/node_modules has no lighthouse: run bench/setup.sh (make bench does)');

  log(`dist: ${CONFIG.dist}; ${CONFIG.runs} cold loads per profile and page, soak ${CONFIG.soakSeconds} s, Lighthouse ×${CONFIG.lhRuns}`);
  const snap = await snapshot(CONFIG.dist);
  const size = sizes(snap);
  const copy = staticCopy(snap);
  const appServer = await startServer({ root: snap });
  const staticServer = await startServer({ root: copy.dir });
  const browser = await launchBrowser();
  const data = {
    when: new Date().toISOString(),
    commit: gitDescribe(),
    chromium: browser.version(),
    config: CONFIG,
    flags: CHROME_FLAGS,
    slowMobile: SLOW_MOBILE,
    profiles: PROFILES.map(({ id, label, about }) => ({ id, label, about })),
    size,
    staticScriptsLeft: copy.scriptsLeft,
    loads: {},
    cpus: cpus().length,
    loadavg: { start: loadavg()[0].toFixed(2), end: null },
    machine: {},
  };
  try {
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
        const f = (x) => (x === null || x === undefined ? 'n/a' : x.toFixed(0));
        const errs = [...a.errors, ...s.errors, ...c.errors];
        log(`${profile.id} #${i + 1}: app FCP ${f(a.fcp)} LCP ${f(a.lcp)} took over ${f(a.takeover)}, CLS ${a.cls.toFixed(3)}, ` +
          `long tasks ${a.longTaskCount} (${f(a.longTaskTotal)} ms) | static FCP ${f(s.fcp)} LCP ${f(s.lcp)} | ` +
          `interactive ${f(c.interactive)} ms (took over ${f(c.takeover)}, click ready ${f(c.clickReady)})${errs.length ? ` [${[...new Set(errs)].join('; ')}]` : ''}`);
      }
      data.loads[profile.id] = runs;
    }

    data.lighthouse = [];
    data.machine.lighthouse = machine();
    for (let i = 0; i < CONFIG.lhRuns; i += 1) {
      let r;
      for (let attempt = 1; attempt <= 2; attempt += 1) { // one more try after a failed run (Lighthouse's advice)
        r = await lighthouse({ lhBin, url: appServer.url, chromePath: CHROMIUM, outFile: join(RESULTS, `lighthouse-${i + 1}.json`), log });
        log(r.error ? `lighthouse #${i + 1}: ${r.error}` :
          `lighthouse #${i + 1}: ${r.performance}/${r.accessibility}/${r.bestPractices}/${r.seo}, TBT ${Math.round(r.tbt)} ms, CLS ${r.cls}`);
        if (!r.error) break;
      }
      data.lighthouse.push(r);
    }

    log(`animation: ${CONFIG.animSeconds} s of play, then Home and 5× ArrowRight`);
    data.machine.animation = machine();
    try {
      data.animation = await animationWindow(browser, appServer.url, CONFIG.animSeconds);
      log(`animation: ${data.animation.longTasks.length} long tasks, ${data.animation.frames.length} frames`);
    } catch (e) {
      data.animationError = e.message.split('\n')[0];
      log(`animation: failed: ${data.animationError}`);
    }

    if (CONFIG.soakSeconds > 0) {
      log(`soak: ${CONFIG.soakSeconds} s of looping playback`);
      data.machine.soak = machine();
      try {
        data.soak = await soak(browser, appServer.url, CONFIG.soakSeconds, { sampleEvery: Math.min(60, Math.max(10, CONFIG.soakSeconds / 5)), log });
      } catch (e) {
        data.soakError = e.message.split('\n')[0];
        log(`soak: failed: ${data.soakError}`);
      }
    }
  } finally {
    await browser.close().catch(() => {});
    await appServer.stop();
    await staticServer.stop();
    rmSync(copy.dir, { recursive: true, force: true });
    rmSync(snap, { recursive: true, force: true });
  }
  data.seconds = Math.round((Date.now() - started) / 1000);
  data.loadavg.end = loadavg()[0].toFixed(2);
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(data, null, 1)}\n`); // first: the figures survive a report bug
  const md = report(data);
  writeFileSync(join(RESULTS, 'latest.md'), md);
  process.stdout.write(`\n${md}\n`);
  log(`written to ${relative(ROOT, join(RESULTS, 'latest.md'))} (raw: latest.json) in ${data.seconds} s`);
}

if (process.argv[2] === '--report') {
  // Re-renders the table from a saved run: node bench/run.mjs --report [bench/results/latest.json]
  const data = JSON.parse(readFileSync(process.argv[3] || join(RESULTS, 'latest.json'), 'utf8'));
  process.stdout.write(`${report(data)}\n`);
} else main().catch((e) => {
  process.stderr.write(`bench: ${e.stack || e}\n`);
  process.exit(1);
});
