// Step "embed": the embed entry embed.html (EMBED_FILE of deploy/headers.mjs), beside index.html: the finished
// page as it is at this point (prerendered first view, one stylesheet, CSP <meta>, integrity, link previews), with
// `data-embed` on <html>, which tells the app and the stylesheet to show only the timeline and the active generation
// (src/embed.rs, style/embed.css). Same files, same scripts, same policy: nothing else differs, so the checks the
// steps before made of index.html hold for it too. The host configs let only this page be framed
// (deploy/headers.mjs), the service worker precaches it like every file (the pwa step runs after this one), and
// the compress step gives it its .br/.gz.
// It runs after every step that changes index.html and is written anew each time from it, so running the steps
// again gives the same file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import { EMBED_FILE } from '../../deploy/headers.mjs';
import { hasAttr, one, serialize, setAttr } from './html.mjs';

export const EMBED_ATTR = 'data-embed';

/** The embed page for a finished page `doc` (left as it is), as HTML text. */
export function embedPage(doc) {
  const copy = parse(serialize(doc));
  const html = one(copy, 'html', undefined, '<html>');
  if (hasAttr(html, EMBED_ATTR)) throw new Error(`index.html already has ${EMBED_ATTR} on <html>: only ${EMBED_FILE} may`);
  setAttr(html, EMBED_ATTR, '');
  return serialize(copy);
}

export function embed({ doc, dir }) {
  const page = embedPage(doc);
  writeFileSync(join(dir, EMBED_FILE), page);
  return `${EMBED_FILE}: the page with <html ${EMBED_ATTR}> (${Buffer.byteLength(page)} bytes)`;
}
