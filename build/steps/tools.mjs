// Step "tools": names the tools' wasm in the app loader. Trunk builds it beside the app's (index.html's
// `<link data-trunk rel="rust" data-bin="tools" data-type="worker">`: src/bin/tools.rs, the export) and, as for a
// worker, loads nothing of it; the loader (Trunk.toml's pattern_script) imports it from its data-tools-js and
// data-tools-wasm the first time the app calls a tool, so it costs the first load nothing.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { appLoader, attr, setAttr } from './html.mjs';

/**
 * The files of the tools' wasm in `dir`, named for their content (`tools-<16 hex>.js`, `tools-<16 hex>_bg.wasm`), as
 * Trunk names the app's: a host may then keep them forever. Trunk writes a worker's as `tools.js` and
 * `tools_bg.wasm`; they are renamed here (a second run finds them renamed).
 */
export function toolsFiles(dir) {
  const names = readdirSync(dir);
  if (names.includes('tools.js') && names.includes('tools_bg.wasm')) {
    const hash = createHash('sha256').update(readFileSync(join(dir, 'tools_bg.wasm'))).update(readFileSync(join(dir, 'tools.js')))
      .digest('hex').slice(0, 16);
    renameSync(join(dir, 'tools.js'), join(dir, `tools-${hash}.js`));
    renameSync(join(dir, 'tools_bg.wasm'), join(dir, `tools-${hash}_bg.wasm`));
    return { js: `tools-${hash}.js`, wasm: `tools-${hash}_bg.wasm` };
  }
  const pick = (re, what) => {
    const found = names.filter((n) => re.test(n));
    if (found.length !== 1) {
      throw new Error(`expected one ${what} of the tools' wasm in ${dir}, found ${found.length}` +
        ' (index.html should have <link data-trunk rel="rust" data-bin="tools" data-type="worker" data-bindgen-target="web">)');
    }
    return found[0];
  };
  return { js: pick(/^tools-[0-9a-f]{16}\.js$/, 'glue (tools-<hash>.js)'), wasm: pick(/^tools-[0-9a-f]{16}_bg\.wasm$/, 'wasm (tools-<hash>_bg.wasm)') };
}
export function tools({ doc, dir }) {
  const loader = appLoader(doc);
  const { js, wasm } = toolsFiles(dir);
  // The same base as the loader's own data-js (Trunk's public_url, "./").
  const base = attr(loader, 'data-js').replace(/[^/]*$/, '');
  setAttr(loader, 'data-tools-js', `${base}${js}`);
  setAttr(loader, 'data-tools-wasm', `${base}${wasm}`);
  return `the loader names ${js} and ${wasm}`;
}
