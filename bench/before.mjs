// Bytes per file, and the reference they are compared with ("before/after per file", issue 9).
//
// BENCH_BEFORE (environment) chooses the reference:
// - a directory holding an older build (its index.html and files, as dist/ has them);
// - a saved results file (a latest.json or baseline.json of an earlier run): its per-file bytes;
// - a git ref (commit, branch, tag): built once with that commit's own `make build` in a copy of its files (git archive),
//   and kept in .bench/builds/<full sha>/ (never built again for the same commit; `rm -rf .bench` forgets them);
// - `none`: no comparison.
// Unset: bench/results/baseline.json (written by `make bench BENCH_SAVE_BASELINE=1`) if there is one, else the
// commit DEFAULT_REF, the state before the work on issue 9.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import zlib from 'node:zlib';

/** The reference when neither BENCH_BEFORE nor a saved baseline says otherwise: main before issue 9's work. */
export const DEFAULT_REF = 'fc7469b';

/** The groups of the table, in order; each file of a build belongs to one. */
export const GROUPS = ['html', 'css', 'js glue', 'wasm', 'boot/sw-register', 'sw.js', 'other'];

/**
 * A file's name without Trunk's content hash (`app-2b1e79d92c03018a.css` → `app.css`), to pair before with after.
 * Trunk prints the 64-bit hash without leading zeros: 12 to 16 hex digits.
 */
export const logical = (file) => file.replace(/-[0-9a-f]{12,16}(?=(_bg)?\.[a-z]+$)/, '');

export function groupOf(file, files) {
  if (/\.html?$/.test(file)) return 'html';
  if (/\.css$/.test(file)) return 'css';
  if (/\.wasm$/.test(file)) return 'wasm';
  if (/(^|\/)sw\.js$/.test(file)) return 'sw.js';
  if (/\.m?js$/.test(file)) {
    // wasm-bindgen's glue is named like the wasm without `_bg`.
    const glue = files.some((f) => f.endsWith('_bg.wasm') && f.replace(/_bg\.wasm$/, '.js') === file);
    return glue ? 'js glue' : 'boot/sw-register';
  }
  return 'other';
}

/**
 * What the first load fetches, as scripts/size.sh counts it: index.html and every ./X.css|js|wasm it names in src,
 * href, data-js or data-wasm (not the tools' wasm in data-tools-js/-wasm, fetched on first use).
 */
export function firstLoadSet(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const set = new Set(['index.html']);
  for (const [, f] of html.matchAll(/(?:^|\s)(?:src|href|data-js|data-wasm)="\.\/([^"]+\.(?:css|js|wasm))"/g)) set.add(f);
  return set;
}

/** scripts/size.sh: raw and brotli bytes per file, and the first-load figure (Node's brotli if it fails). */
export function sizes(root, dir, log = () => {}) {
  let out = '';
  let status = 0;
  try {
    out = execFileSync(join(root, 'scripts/size.sh'), [dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SIZE_BUDGET_BROTLI: '1000000000' } });
  } catch (e) {
    out = e.stdout || '';
    status = e.status;
  }
  let files = [];
  let firstLoad = null;
  let source = 'scripts/size.sh (brotli -q 11)';
  for (const line of out.split('\n')) {
    const m = line.match(/^(\S+)\s+(\d+)\s+(\d+)$/);
    if (m && m[1] !== 'TOTAL') files.push({ file: m[1], raw: Number(m[2]), br: Number(m[3]) });
    const f = line.match(/^first-load transfer.*?:\s*(\d+) bytes/);
    if (f) firstLoad = Number(f[1]);
  }
  const first = firstLoadSet(dir);
  if (!files.length) {
    log(`scripts/size.sh gave no table (exit ${status}); computing sizes in Node`);
    source = 'node zlib (brotli q11)';
    const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
    for (const f of walk(dir).filter((x) => !/\.(br|gz)$/.test(x)).sort()) {
      const buf = readFileSync(f);
      const br = zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      files.push({ file: relative(dir, f), raw: buf.length, br });
    }
    firstLoad = files.filter((f) => first.has(f.file)).reduce((a, f) => a + f.br, 0);
  }
  const names = files.map((f) => f.file);
  files = files.map((f) => ({ ...f, group: groupOf(f.file, names), logical: logical(f.file), firstLoad: first.has(f.file) }));
  return { files, firstLoad, source, status };
}

const git = (root, args) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/**
 * The build of a git ref, from the cache or built now: the commit's files exported with `git archive` into
 * .bench/src/ (no git worktree, nothing added to the repository's metadata), its own `make build` run there
 * (Trunk; an old commit's Makefile may run more steps, such as scripts/postbuild.mjs; its setup step may run
 * npm ci), dist/ copied to .bench/builds/<sha>/dist, the sources removed. Cargo's target dir is shared by these
 * builds (.bench/target), not with the worktree's own.
 */
export async function buildRef(root, ref, log = () => {}) {
  let sha;
  try {
    sha = git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new Error(`BENCH_BEFORE=${ref}: neither a directory, a results file nor a git ref`);
  }
  const subject = git(root, ['log', '-1', '--format=%h %cs %s', sha]);
  const cache = join(root, '.bench', 'builds', sha);
  if (existsSync(join(cache, 'dist', 'index.html')) && existsSync(join(cache, 'meta.json'))) {
    log(`before: ${ref} = ${subject.slice(0, 80)}: cached build in ${relative(root, cache)}`);
    return { sha, subject, dir: join(cache, 'dist'), cached: true };
  }
  const work = join(root, '.bench', 'src', `${sha.slice(0, 12)}-${process.pid}`);
  const logFile = join(root, '.bench', 'builds', `${sha}.log`);
  mkdirSync(join(root, '.bench', 'builds'), { recursive: true });
  mkdirSync(work, { recursive: true });
  log(`before: building ${ref} = ${subject.slice(0, 80)} with its own make build in ${relative(root, work)} (once; log ${relative(root, logFile)}; several minutes)`);
  execFileSync('sh', ['-c', 'git -C "$1" archive --format=tar "$2" | tar -x -C "$3"', 'sh', root, sha, work], { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    const env = {
      ...process.env,
      PATH: [join(work, 'node_modules/.bin'), join(homedir(), '.cargo/bin'), process.env.PATH].join(':'),
      CARGO_TARGET_DIR: join(root, '.bench', 'target'),
      CARGO_TERM_COLOR: 'never',
    };
    for (const k of Object.keys(env)) if (/^(MAKEFLAGS|MAKELEVEL|MFLAGS|TRUNK_|CARGO_MAKEFLAGS|BENCH_)/.test(k)) delete env[k];
    const out = createWriteStream(logFile);
    const code = await new Promise((ok) => {
      const child = spawn('make', ['build'], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.pipe(out, { end: false });
      child.stderr.pipe(out, { end: false });
      child.on('close', ok);
    });
    await new Promise((ok) => out.end(ok));
    if (code !== 0 || !existsSync(join(work, 'dist', 'index.html'))) {
      const tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-4).join(' / ');
      throw new Error(`make build of ${ref} failed (exit ${code}); see ${relative(root, logFile)}: ${tail}`);
    }
    const staging = `${cache}.tmp-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    cpSync(join(work, 'dist'), join(staging, 'dist'), { recursive: true });
    if (existsSync(join(work, 'dist-single'))) cpSync(join(work, 'dist-single'), join(staging, 'dist-single'), { recursive: true });
    writeFileSync(join(staging, 'meta.json'), `${JSON.stringify({ ref, sha, subject, built: new Date().toISOString(), command: 'make build' }, null, 1)}\n`);
    rmSync(cache, { recursive: true, force: true });
    renameSync(staging, cache);
    log(`before: built ${ref} into ${relative(root, cache)}`);
    return { sha, subject, dir: join(cache, 'dist'), cached: false };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The reference's bytes: { label, kind, size, data? } (data: the whole saved run, for a results file), or
 * { label, error } when it cannot be had, or null for BENCH_BEFORE=none.
 */
export async function resolveBefore({ root, results, log = () => {} }) {
  const asked = process.env.BENCH_BEFORE;
  const fromResults = (file, kind) => {
    const data = JSON.parse(readFileSync(file, 'utf8'));
    if (!data.size || !Array.isArray(data.size.files)) throw new Error(`${file} has no per-file sizes`);
    const names = data.size.files.map((f) => f.file);
    const files = data.size.files.map((f) => {
      const group = f.group || groupOf(f.file, names);
      // Runs older than the first-load flags: html, css, js and wasm files were the first load.
      const firstLoad = f.firstLoad ?? ['html', 'css', 'js glue', 'wasm', 'boot/sw-register'].includes(group);
      return { ...f, group, logical: f.logical || logical(f.file), firstLoad };
    });
    return { kind, label: `${relative(root, file) || file} (run of ${String(data.when).slice(0, 16).replace('T', ' ')}, commit ${data.commit})`, size: { ...data.size, files }, data };
  };
  const fromRef = async (ref, why) => {
    try {
      const b = await buildRef(root, ref, log);
      return { kind: 'ref', label: `${ref}${why}: ${b.subject}`, sha: b.sha, cached: b.cached, size: sizes(root, b.dir, log) };
    } catch (e) {
      return { kind: 'ref', label: `${ref}${why}`, error: e.message };
    }
  };
  if (asked === undefined || asked === '') {
    const baseline = join(results, 'baseline.json');
    if (existsSync(baseline)) return fromResults(baseline, 'baseline');
    return fromRef(DEFAULT_REF, ' (default: no bench/results/baseline.json)');
  }
  if (asked === 'none') return null;
  for (const candidate of [resolve(asked), resolve(root, asked)]) {
    if (!existsSync(candidate)) continue;
    if (statSync(candidate).isDirectory()) {
      if (!existsSync(join(candidate, 'index.html'))) return { kind: 'dir', label: asked, error: `${candidate} has no index.html` };
      return { kind: 'dir', label: `directory ${asked}`, size: sizes(root, candidate, log) };
    }
    if (candidate.endsWith('.json')) return fromResults(candidate, 'results');
  }
  return fromRef(asked, '');
}
