// Step "prerender": the app's first view, rendered natively at build time by the app's own components and
// compiled-in data (src/prerender.rs, written out by the native bin src/bin/prerender.rs), parsed as an HTML
// fragment and put into the page's empty <div id="app">, marked data-prerendered for the app's takeover.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  append, attr, commentText, descendants, hasAttr, isComment, one, parseFragmentIn, remove, setAttr,
} from './html.mjs';

/** The first view as HTML, from `cargo run --bin prerender` (native, profile `prerender` in Cargo.toml). */
export function renderFirstView(root) {
  const tmp = mkdtempSync(join(tmpdir(), 'prerender-'));
  try {
    const out = join(tmp, 'first-view.html');
    execFileSync('cargo', ['run', '--quiet', '--profile', 'prerender', '--bin', 'prerender', '--', out], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    return readFileSync(out, 'utf8');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Puts `firstView` (HTML) into the page's <div id="app">. Leptos's empty `<!>` comments (hydration markers, which
 * keep adjacent text nodes apart for a renderer that walks the page node by node) are dropped: the app adopts the
 * page without walking it (src/lib.rs `start`), finding its parts by their ids and classes. A page already
 * prerendered is left as it is, so running the finishing steps again changes nothing.
 */
export function prerender({ doc, root, render = renderFirstView }) {
  const app = one(doc, 'div', (el) => attr(el, 'id') === 'app', '<div id="app"> in index.html');
  if (hasAttr(app, 'data-prerendered')) return 'already prerendered';
  if (app.childNodes.length) throw new Error('<div id="app"> in index.html must be empty: the first view is rendered into it');
  const fragment = parseFragmentIn(app, render(root));
  const markers = [...descendants(fragment)].filter((n) => isComment(n) && commentText(n) === '');
  if (!fragment.childNodes.length) throw new Error('the prerender wrote nothing');
  for (const n of markers) remove(n);
  for (const n of [...fragment.childNodes]) append(app, n);
  setAttr(app, 'data-prerendered', '');
  return `first view into <div id="app"> (${markers.length} empty markers dropped)`;
}
