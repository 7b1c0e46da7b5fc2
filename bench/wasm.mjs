// Where the wasm's bytes go (issue 9): the release wasm rebuilt with names kept through the whole pipeline
// (cargo → wasm-bindgen --keep-debug → wasm-opt -g, with the flags Trunk uses, read from index.html's rust link),
// then `twiggy top`: the 20 biggest items and a per-crate rollup.
//
// The same pipeline without the names is run too and compared byte for byte with the shipped wasm in dist/: when
// they are identical, the names belong to exactly the bytes that ship.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renameImports, shortName } from '../build/steps/imports.mjs';

/** The attributes of index.html's `<link data-trunk rel="rust" …>`: how Trunk builds the wasm. */
export function trunkRustLink(root) {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const link = [...html.matchAll(/<link\b[^>]*>/gi)].map((m) => m[0]).find((l) => /\bdata-trunk\b/.test(l) && /\brel\s*=\s*"rust"/.test(l));
  if (!link) throw new Error('index.html has no <link data-trunk rel="rust">');
  const attrs = {};
  for (const [, name, , value] of link.matchAll(/([a-z-]+)(\s*=\s*"([^"]*)")?/gi)) attrs[name.toLowerCase()] = value ?? '';
  return attrs;
}

function packageName(root) {
  const toml = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const m = toml.match(/^\[package\][\s\S]*?^name\s*=\s*"([^"]+)"/m);
  return m ? m[1] : null;
}

const sha = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const run = (cmd, args, opts) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024, ...opts });

/** The crate (or kind of item) a twiggy item belongs to, from its demangled name. */
export function crateOf(rawName) {
  // Rust's v0 symbols carry the crate's disambiguator: std[a543996e6e7dbf1e]::… is std.
  const name = rawName.replace(/\[[0-9a-f]{8,16}\]/g, '');
  if (/^data\[\d+\]$|^data segment\b/.test(name)) return '(data segments: strings, content, tables)';
  if (/^code\[\d+\]$/.test(name)) return '(unnamed code)';
  if (/^import /.test(name)) return '(imports: the JS glue)';
  if (/^export /.test(name)) return '(exports)';
  if (/ section headers$/.test(name) || /^(type|table|elem|global|memory|func)\[/.test(name) || /^wasm magic bytes|^elem\b|^table\b|^start\b/.test(name)) return '(wasm structure)';
  if (/^custom section |^"[^"]+" subsection$/.test(name)) return '(custom sections)';
  // wasm-bindgen's export shims of wasm_streams' classes (IntoUnderlyingSource, …Sink, …ByteSource).
  if (/^intounderlying/.test(name)) return 'wasm_streams';
  if (/ externref shim$/.test(name)) return 'wasm_bindgen'; // adapters wasm-bindgen generates
  if (/^<(\[|str>|&?\[)/.test(name)) return 'core'; // inherent methods of slices and str
  let n = name;
  // Drop glue and other core helpers generic over a type: count them with the type's crate.
  const generic = n.match(/^core::ptr::drop_in_place<(.*)>$/);
  if (generic) n = generic[1];
  // <Type as Trait>::method: the implementing type's crate, unless it is a primitive or a reference.
  for (let i = 0; i < 4 && n.startsWith('<'); i += 1) {
    const inner = n.slice(1);
    const self = inner.split(/ as /)[0];
    n = /^[&*(\[]|^(dyn |mut |const )|^[a-z]\d*$|^[TUFAB]$/.test(self) || !/::/.test(self) ? (inner.split(/ as /)[1] || inner) : self;
    n = n.replace(/^(&+|\*(const|mut) |dyn |mut )+/, '');
  }
  if (/^(__rustc|compiler_builtins)::/.test(n)) return '(compiler builtins, std shims)';
  const m = n.match(/^([A-Za-z_][A-Za-z0-9_]*)::/);
  if (m) return m[1];
  if (/^(__wbg|__wbindgen|__externref|wasm_bindgen)/.test(n)) return 'wasm_bindgen';
  if (/^(mem(cpy|set|move|cmp)|__rust_|__rdl_|__rg_|rust_(begin|panic)|__multi|__udiv|__div|__ashl|__lshr|__mul|compiler_builtins)/.test(n)) return '(compiler builtins, std shims)';
  if (n === 'main') return 'std'; // the C-style entry point std generates around the app's main
  return '(other)';
}

/** The names of a wasm file's custom sections (id 0), from its section headers. */
export function customSections(file) {
  const buf = readFileSync(file);
  const names = [];
  let p = 8; // magic and version
  const leb = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = buf[p];
      p += 1;
      result += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return result;
      shift += 7;
    }
  };
  while (p < buf.length) {
    const id = buf[p];
    p += 1;
    const size = leb();
    const end = p + size;
    if (id === 0) {
      const len = leb();
      names.push(buf.subarray(p, p + len).toString('utf8'));
    }
    p = end;
  }
  return names;
}

/** The custom section a twiggy item belongs to, if any ("function names" subsection → name). */
const sectionOf = (name) => {
  const m = name.match(/^custom section '([^']+)'/);
  if (m) return m[1];
  if (/^"[^"]+" subsection$/.test(name)) return 'name';
  return null;
};

/**
 * Builds the wasm with names and runs twiggy. Returns { top, crates, total, identical, … } or { error }.
 * `distDir`: the build being measured (for the byte-for-byte check); `log`: progress lines.
 */
export function analyseWasm({ root, distDir, topN = 20, log = () => {} }) {
  const tmp = mkdtempSync(join(tmpdir(), 'bench-wasm-'));
  try {
    const link = trunkRustLink(root);
    const pkg = packageName(root);
    const bin = link['data-bin'] || pkg;
    const cargoArgs = ['build', '--target=wasm32-unknown-unknown', '--manifest-path', join(root, 'Cargo.toml'), '--release', '--offline', '--bin', bin];
    if ('data-cargo-all-features' in link) cargoArgs.push('--all-features');
    if ('data-cargo-no-default-features' in link) cargoArgs.push('--no-default-features');
    if (link['data-cargo-features']) cargoArgs.push('--features', link['data-cargo-features']);
    log(`wasm: cargo ${cargoArgs.join(' ')} (the same command as Trunk: cached after make build)`);
    run('cargo', cargoArgs, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    const meta = JSON.parse(run('cargo', ['metadata', '--format-version=1', '--no-deps', '--offline'], { cwd: root }));
    const input = join(meta.target_directory, 'wasm32-unknown-unknown', 'release', `${bin}.wasm`);
    if (!existsSync(input)) throw new Error(`${input} missing after cargo build`);

    const bindgenFlags = ['--target=web', `--out-name=${bin}`, '--no-typescript'];
    if ('data-weak-refs' in link) bindgenFlags.push('--weak-refs');
    if ('data-reference-types' in link) bindgenFlags.push('--reference-types');
    if ('data-no-demangle' in link) bindgenFlags.push('--no-demangle');
    const level = link['data-wasm-opt'] ?? ''; // Trunk's release default: plain -O; "0" turns wasm-opt off
    const optFlags = [`-O${level}`];
    if ('data-reference-types' in link) optFlags.push('--enable-reference-types');
    if (link['data-wasm-opt-params']) optFlags.push(...link['data-wasm-opt-params'].split(/\s+/).filter(Boolean));
    const wasmOpt = [join(root, 'node_modules/.bin/wasm-opt')].find(existsSync) || 'wasm-opt';

    const pipeline = (name, keep) => {
      const out = join(tmp, name);
      run('wasm-bindgen', [...bindgenFlags, ...(keep ? ['--keep-debug'] : []), `--out-dir=${out}`, input]);
      const bg = join(out, `${bin}_bg.wasm`);
      if (level === '0') return bg;
      const opt = join(out, 'opt.wasm');
      run(wasmOpt, [`--output=${opt}`, ...optFlags, bg, ...(keep ? ['-g'] : [])]);
      return opt;
    };
    log(`wasm: wasm-bindgen ${bindgenFlags.join(' ')} [--keep-debug], ${wasmOpt.includes('node_modules') ? 'npm binaryen ' : ''}wasm-opt ${optFlags.join(' ')} [-g]`);
    const plain = pipeline('plain', false);
    const named = pipeline('named', true);
    // The build gives the glue's imports short names (build/steps/imports.mjs): the same here, by position, so that
    // the import section weighs what ships and the comparison below is of everything else byte for byte.
    const byPosition = (bytes) => {
      let n = 0;
      return renameImports(bytes, (module) => (module.endsWith('_bg.js') ? shortName(n++) : null));
    };
    for (const file of [plain, named]) writeFileSync(file, byPosition(readFileSync(file)));

    // The app's wasm: the one the loader names in data-wasm (dist/ also has the tools' wasm, fetched on first use).
    const shippedName = /\sdata-wasm="\.\/([^"]+\.wasm)"/.exec(readFileSync(join(distDir, 'index.html'), 'utf8'))?.[1];
    const shipped = readdirSync(distDir).filter((f) => f === shippedName).map((f) => join(distDir, f));
    const shippedFile = shipped[0] || null;
    // (The build keeps the few names the glue writes more than once: both are compared with every import renamed.)
    const identical = shippedFile
      ? createHash('sha256').update(byPosition(readFileSync(shippedFile))).digest('hex') === sha(plain)
      : null;

    const twiggyVersion = run('twiggy', ['--version']).trim();
    const items = JSON.parse(run('twiggy', ['top', '-f', 'json', named]));
    // Shipped bytes only: the custom sections the name-less build does not have (names, debug info) are left out.
    const shippedSections = new Set(customSections(plain));
    const notShipped = (name) => { const sec = sectionOf(name); return sec !== null && !shippedSections.has(sec); };
    const hidden = items.filter((i) => notShipped(i.name));
    const kept = items.filter((i) => !notShipped(i.name));
    const total = kept.reduce((a, i) => a + i.shallow_size, 0);
    const top = kept.slice(0, topN).map((i) => ({ name: i.name, bytes: i.shallow_size, share: i.shallow_size / total, crate: crateOf(i.name) }));
    const byCrate = new Map();
    for (const i of kept) {
      const c = crateOf(i.name);
      const e = byCrate.get(c) || { crate: c, bytes: 0, items: 0 };
      e.bytes += i.shallow_size;
      e.items += 1;
      byCrate.set(c, e);
    }
    const crates = [...byCrate.values()].sort((a, b) => b.bytes - a.bytes).map((c) => ({ ...c, share: c.bytes / total }));
    return {
      twiggy: twiggyVersion,
      cargo: cargoArgs.join(' '),
      bindgen: bindgenFlags.join(' '),
      wasmOpt: optFlags.join(' '),
      input: { file: input, bytes: statSync(input).size },
      named: { bytes: statSync(named).size, namesBytes: hidden.reduce((a, i) => a + i.shallow_size, 0), sectionsLeftOut: [...new Set(hidden.map((i) => sectionOf(i.name)))] },
      shippedSections: [...shippedSections],
      plain: { bytes: statSync(plain).size },
      shipped: shippedFile ? { file: shippedFile.split('/').pop(), bytes: statSync(shippedFile).size } : null,
      identical,
      total,
      items: kept.length,
      top,
      crates,
    };
  } catch (e) {
    return { error: `${e.message.split('\n')[0]}${e.stderr ? `: ${String(e.stderr).trim().split('\n').slice(-3).join(' / ')}` : ''}` };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
