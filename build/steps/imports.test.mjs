// Tests of build/steps/imports.mjs on a small wasm made here: the renamed imports are what Node's own WebAssembly
// reads, the glue's keys follow, and everything else is kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'parse5';
import { STEPS } from '../finish.mjs';
import { renameImports, shortName, shortenImports } from './imports.mjs';

const text = (s) => [s.length, ...new TextEncoder().encode(s)];
/** A wasm importing `imports` ([module, name] pairs, all functions of type () → ()) and exporting `run`, which calls the first. */
function wasmWith(imports) {
  const section = (id, body) => [id, body.length, ...body];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 0, 0]),
    ...section(2, [imports.length, ...imports.flatMap(([m, n]) => [...text(m), ...text(n), 0x00, 0])]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...text('run'), 0x00, imports.length]),
    ...section(10, [1, 4, 0, 0x10, 0, 0x0b]),
  ]);
}
const names = (bytes) => WebAssembly.Module.imports(new WebAssembly.Module(bytes)).map((i) => `${i.module} ${i.name} ${i.kind}`);

test('imports: short names are a, b, …, z, ba, bb, …, distinct', () => {
  assert.deepEqual([0, 1, 25, 26, 27, 51, 52].map(shortName), ['a', 'b', 'z', 'ba', 'bb', 'bz', 'ca']);
  const many = Array.from({ length: 2000 }, (_, i) => shortName(i));
  assert.equal(new Set(many).size, many.length);
  assert.ok(many.every((n) => /^[a-z]+$/.test(n)));
});

test('imports: the import section renamed, the module still valid, the rest byte for byte', () => {
  const before = wasmWith([['./app_bg.js', '__wbg_alert_0123456789abcdef'], ['env', 'keep'], ['./app_bg.js', '__wbindgen_throw_fedcba9876543210']]);
  const after = renameImports(before, (module, name) => (module === './app_bg.js' ? name.slice(-1) : null));
  assert.deepEqual(names(after), ['./app_bg.js f function', 'env keep function', './app_bg.js 0 function']);
  assert.equal(before.length - after.length, ('__wbg_alert_0123456789abcdef'.length - 1) + ('__wbindgen_throw_fedcba9876543210'.length - 1));
  // The sections after the import section are unchanged (the function, export and code sections).
  assert.deepEqual([...after.slice(-20)], [...before.slice(-20)]);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(after), { './app_bg.js': { f: () => {}, 0: () => {} }, env: { keep: () => {} } });
  assert.equal(typeof instance.exports.run, 'function');
  assert.throws(() => renameImports(Uint8Array.from([1, 2, 3, 4, 1, 0, 0, 0]), () => null), /not a wasm/);
  assert.throws(() => renameImports(before.slice(0, 20), () => null), /ends inside|no import|bytes after/);
});

test('imports: the step renames the glue\'s keys with the wasm; a name written twice in the glue stays', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imports-test-'));
  try {
    const wasm = wasmWith([['./app_bg.js', '__wbg_alert_0123456789abcdef'], ['./app_bg.js', '__wbindgen_twice_0011223344556677']]);
    writeFileSync(join(dir, 'app-0123456789abcdef_bg.wasm'), wasm);
    const glue = 'function T(){return{"./app_bg.js":{__proto__:null,__wbg_alert_0123456789abcdef:function(){},__wbindgen_twice_0011223344556677:function(){}}}}const x="__wbindgen_twice_0011223344556677";';
    writeFileSync(join(dir, 'app-0123456789abcdef.js'), glue);
    const doc = parse('<!doctype html><html><head><script type="module" data-js="./app-0123456789abcdef.js" data-wasm="./app-0123456789abcdef_bg.wasm"></script></head><body></body></html>');
    assert.match(shortenImports({ doc, dir }), /^1 imports renamed/);
    const js = readFileSync(join(dir, 'app-0123456789abcdef.js'), 'utf8');
    assert.equal(js, glue.replace('__wbg_alert_0123456789abcdef:', 'a:'));
    assert.deepEqual(names(readFileSync(join(dir, 'app-0123456789abcdef_bg.wasm'))), ['./app_bg.js a function', './app_bg.js __wbindgen_twice_0011223344556677 function']);
    // Run again (on a finished build): nothing changes.
    const once = readFileSync(join(dir, 'app-0123456789abcdef_bg.wasm'));
    assert.equal(shortenImports({ doc, dir }), 'already renamed');
    assert.deepEqual(readFileSync(join(dir, 'app-0123456789abcdef_bg.wasm')), once);
    assert.equal(readFileSync(join(dir, 'app-0123456789abcdef.js'), 'utf8'), js);
    // A glue without any key to rename (not minified as expected) fails the build rather than shipping a mismatch.
    writeFileSync(join(dir, 'app-0123456789abcdef.js'), 'const other = 1;');
    writeFileSync(join(dir, 'app-0123456789abcdef_bg.wasm'), wasm);
    assert.throws(() => shortenImports({ doc, dir }), /no import of the glue to rename/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('imports: runs on the minified glue, before security computes the integrity of both files', () => {
  const names = STEPS.map((s) => s.name);
  assert.ok(names.indexOf('scripts') < names.indexOf('imports') && names.indexOf('imports') < names.indexOf('security'));
});
