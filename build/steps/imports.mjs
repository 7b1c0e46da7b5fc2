// Step "imports" (release only): short names for the wasm's imports. wasm-bindgen names each function the wasm
// imports from its JS glue `__wbg_<what>_<16 hex digits>` (and `__wbindgen_<what>_<hex>`), and writes every name twice:
// in the glue's import object and in the wasm's import section. Brotli can't shrink the hex digits, so the names cost
// about 3 KB of the first load. Here they become `a`, `b`, … `ba`, … in both files; nothing else in either changes.
// (binaryen's --minify-imports renames only the imports of module `env`, none of wasm-bindgen's.)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appLoader, attr } from './html.mjs';
import { localFile } from './files.mjs';

/** The n-th short name: a … z, ba … zz, baa … (never a digit first, never a name of two letters starting with `a`). */
export function shortName(n) {
  let name = '';
  do {
    name = String.fromCharCode(97 + (n % 26)) + name;
    n = Math.floor(n / 26);
  } while (n > 0);
  return name;
}

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    if (b === undefined) throw new Error('the wasm ends inside a number');
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return [value, at];
  }
}

function u32(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) b |= 0x80;
    out.push(b);
  } while (value > 0);
  return out;
}

/** Skips an import's description (function, table, memory, global or tag) at `at`. */
function skipDesc(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = readU32(bytes, p);
    if (flags & 1) [, p] = readU32(bytes, p);
    return p;
  };
  switch (kind) {
    case 0x00: return readU32(bytes, at)[1]; // function: its type
    case 0x01: return limits(at + 1); // table: element type, limits
    case 0x02: return limits(at); // memory: limits
    case 0x03: return at + 2; // global: value type, mutability
    case 0x04: return readU32(bytes, at + 1)[1]; // tag: attribute, type
    default: throw new Error(`an import of unknown kind ${kind}`);
  }
}

/**
 * Renames the imports of `wasm` (bytes) by `rename(module, name) → new name or null` (null: kept as it is).
 * Returns the new wasm bytes; only the import section changes.
 */
export function renameImports(wasm, rename) {
  const bytes = Uint8Array.from(wasm);
  if (bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) throw new Error('not a wasm module');
  const out = [bytes.subarray(0, 8)];
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let at = 8;
  let found = false;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readU32(bytes, at + 1);
    const end = start + size;
    if (id !== 2) {
      out.push(bytes.subarray(at, end));
    } else {
      found = true;
      let p = start;
      const [count, first] = readU32(bytes, p);
      p = first;
      const body = [u32(count)];
      for (let i = 0; i < count; i++) {
        const [moduleLength, m] = readU32(bytes, p);
        const moduleName = decoder.decode(bytes.subarray(m, m + moduleLength));
        const [fieldLength, f] = readU32(bytes, m + moduleLength);
        const field = decoder.decode(bytes.subarray(f, f + fieldLength));
        const descEnd = skipDesc(bytes, f + fieldLength);
        const renamed = rename(moduleName, field);
        const name = encoder.encode(renamed ?? field);
        body.push(bytes.subarray(p, m + moduleLength)); // the module's length and name, as they were
        body.push(u32(name.length), name, bytes.subarray(f + fieldLength, descEnd));
        p = descEnd;
      }
      if (p !== end) throw new Error('the import section has bytes after its last import');
      const payload = Uint8Array.from(body.flatMap((b) => [...b]));
      out.push(Uint8Array.from([2, ...u32(payload.length)]), payload);
    }
    at = end;
  }
  if (!found) throw new Error('the wasm has no import section');
  const total = out.reduce((n, b) => n + b.length, 0);
  const result = new Uint8Array(total);
  let o = 0;
  for (const b of out) {
    result.set(b, o);
    o += b.length;
  }
  return result;
}

/** The page's app: its loader's `data-js` (the glue) and `data-wasm`. */
function appFiles(doc, dir) {
  const loader = appLoader(doc);
  return { glue: localFile(dir, attr(loader, 'data-js'), 'data-js'), wasm: localFile(dir, attr(loader, 'data-wasm'), 'data-wasm') };
}

/**
 * Gives the imports of the glue's module short names in the glue and in the wasm. A name is renamed only where it is
 * a key of the glue's import object, exactly once in the glue; any other is kept as it is.
 */
export function shortenImports({ doc, dir }) {
  const { glue, wasm } = appFiles(doc, dir);
  let js = readFileSync(join(dir, glue), 'utf8');
  const bytes = readFileSync(join(dir, wasm));
  const names = new Map();
  let done = 0;
  // wasm-bindgen's glue module (`./<crate>_bg.js`); other imports (none today) are kept.
  const renamed = renameImports(bytes, (module, field) => {
    if (module.endsWith('_bg.js') && /^[a-z]+$/.test(field)) done += 1;
    if (!module.endsWith('_bg.js') || !/^__wbg|^__wbindgen/.test(field)) return null;
    const keys = js.split(`${field}:`).length - 1;
    const everywhere = js.split(field).length - 1;
    if (keys !== 1 || everywhere !== 1) return null;
    const name = names.get(field) ?? `${shortName(names.size)}`;
    names.set(field, name);
    return name;
  });
  // Run again on a finished build (the steps are idempotent): renamed already.
  if (done) return 'already renamed';
  if (!names.size) throw new Error(`no import of the glue to rename: is ${glue} minified as expected (\`name:function\`)?`);
  for (const [field, name] of names) js = js.replace(`${field}:`, `${name}:`);
  writeFileSync(join(dir, glue), js);
  writeFileSync(join(dir, wasm), renamed);
  return `${names.size} imports renamed in ${glue} and ${wasm} (${bytes.length - renamed.length} bytes fewer in the wasm)`;
}
