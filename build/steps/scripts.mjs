// Step "scripts" (release only): minifies every script the page loads, in place (esbuild). Trunk 0.21's own
// minifier cannot parse the wasm-bindgen glue (and would also rewrite index.html). File names keep Trunk's hash
// of the source, still unique per content; the security step then sets integrity from the new bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { attr, elements, hasAttr, relHas } from './html.mjs';
import { localFile } from './files.mjs';

/** The scripts the page loads: file → whether it is an ES module. */
export function pageScripts(doc, dir) {
  const scripts = new Map();
  for (const el of elements(doc, 'script', (e) => hasAttr(e, 'src'))) {
    scripts.set(localFile(dir, attr(el, 'src'), 'script'), attr(el, 'type') === 'module');
  }
  for (const el of elements(doc, 'link', (e) => relHas(e, 'modulepreload'))) {
    scripts.set(localFile(dir, attr(el, 'href'), 'modulepreload'), true);
  }
  // The app loader (Trunk.toml's pattern_script) imports the wasm-bindgen glue named in its data-js.
  for (const el of elements(doc, 'script', (e) => hasAttr(e, 'data-js'))) {
    scripts.set(localFile(dir, attr(el, 'data-js'), 'app loader data-js'), true);
    // …and, on first use, the tools' glue (build/steps/tools.mjs).
    if (hasAttr(el, 'data-tools-js')) scripts.set(localFile(dir, attr(el, 'data-tools-js'), 'app loader data-tools-js'), true);
  }
  return scripts;
}

export function minifyScripts({ doc, dir }) {
  const done = [];
  for (const [file, isModule] of pageScripts(doc, dir)) {
    const path = join(dir, file);
    const source = readFileSync(path, 'utf8');
    const { code } = transformSync(source, {
      loader: 'js', minify: true, legalComments: 'none', ...(isModule ? { format: 'esm' } : {}),
    });
    if (code.length >= source.length) continue; // already minified: a second run changes nothing
    writeFileSync(path, code);
    done.push(`${file} ${source.length} → ${code.length} bytes`);
  }
  return done.length ? `minified ${done.join(', ')}` : 'nothing left to minify';
}
