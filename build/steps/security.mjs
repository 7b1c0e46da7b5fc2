// Step "security": the Content-Security-Policy <meta> and subresource integrity.
//  - The only inline script may be the constant app loader (Trunk.toml's pattern_script), whose sha256 the
//    policy allows (deploy/headers.mjs); no <style>, style="…", on…= handlers or javascript: URLs.
//  - integrity (sha384 of the file as it is now, after minifying) on every script and stylesheet, and on
//    Trunk's preloads; removed where HTML does not allow it (only scripts, stylesheets and preloads may carry it).
//  - The CSP <meta> first in <head> (right after <meta charset>), so that it covers every script and link.
//
// Debug builds only (`trunk serve`): Trunk appends its live-reload script inline, with two placeholders that
// `trunk serve` would fill per request from the Host header. They are filled here once with what Trunk itself
// uses without a Host header (window.location.host, and the serve base from the public URL), so the script's
// text is known now, and the debug page's policy also allows its sha256. Its WebSocket goes to the page's own
// host, which connect-src 'self' allows. A release build has no such script, and this step fails on one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSP_META, LOADER_HASH, cspHash, cspMeta } from '../../deploy/headers.mjs';
import {
  attr, descendants, element, elements, hasAttr, head, insertLineAfter, one, relHas, removeAttr, removeLine, setAttr,
  setText, textOf,
} from './html.mjs';
import { integrity, localFile } from './files.mjs';

/** How Trunk's live-reload script (src/autoreload.js in Trunk 0.21) can be told: the WebSocket path it opens. */
const DEV_RELOAD_MARK = '.well-known/trunk/ws';

const isCspMeta = (el) => (attr(el, 'http-equiv') ?? '').toLowerCase() === 'content-security-policy';
const INTEGRITY_RELS = ['stylesheet', 'preload', 'modulepreload'];

/** The serve base Trunk fills into its live-reload script for a public URL (Trunk 0.21: RtcServe::ws_base). */
function wsBase(publicUrl) {
  if (!publicUrl?.startsWith('/')) return '/';
  return publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
}

/** Debug: Trunk's live-reload script(s), made host-independent; returns their CSP hashes. */
function devReloadScripts(inline, publicUrl) {
  return inline.filter((el) => textOf(el).includes(DEV_RELOAD_MARK)).map((el) => {
    setText(el, textOf(el)
      .replace("'{{__TRUNK_ADDRESS__}}'", 'window.location.host')
      .replace('{{__TRUNK_WS_BASE__}}', wsBase(publicUrl)));
    return { el, hash: cspHash(textOf(el)) };
  });
}

export function security({ doc, dir, release, publicUrl }) {
  const problems = [];

  // Inline scripts: the loader, plus (debug only) Trunk's live reload.
  const inline = elements(doc, 'script', (el) => !hasAttr(el, 'src') && !/^application\/(?!javascript)/.test(attr(el, 'type') ?? ''));
  const dev = release ? [] : devReloadScripts(inline, publicUrl);
  const loaders = inline.filter((el) => !dev.some((d) => d.el === el));
  for (const el of loaders) {
    if (cspHash(textOf(el)) !== LOADER_HASH) {
      problems.push(`an inline script the CSP does not allow (${cspHash(textOf(el))}): ${textOf(el).slice(0, 100)}…\n` +
        `  The only inline script may be Trunk.toml's pattern_script (the CSP allows ${LOADER_HASH}).`);
    }
  }
  if (loaders.length !== 1) problems.push(`exactly one inline script (the app loader) expected, found ${loaders.length}`);
  else if (!attr(loaders[0], 'data-js') || !attr(loaders[0], 'data-wasm')) {
    problems.push('the app loader has no data-js / data-wasm (see pattern_script in Trunk.toml)');
  }

  // What a strict CSP would block.
  for (const el of elements(doc, null)) {
    if (el.tagName === 'style') problems.push('a <style> element');
    for (const { name, value } of el.attrs) {
      if (name === 'style') problems.push(`a style="…" attribute on <${el.tagName}>`);
      if (/^on/i.test(name)) problems.push(`an inline event handler ${name}= on <${el.tagName}>`);
      if (/^\s*javascript:/i.test(value)) problems.push(`a javascript: URL on <${el.tagName}>`);
    }
  }
  if (problems.length) throw new Error(`index.html breaks the CSP:\n  ${problems.join('\n  ')}`);

  // Integrity: exactly where HTML allows it, always of the file as it is now.
  let sri = 0;
  for (const el of elements(doc, null, (e) => e.tagName === 'script' || e.tagName === 'link')) {
    const url = el.tagName === 'script' ? attr(el, 'src') : attr(el, 'href');
    const allowed = el.tagName === 'script' ? url != null : INTEGRITY_RELS.some((r) => relHas(el, r));
    if (!allowed) {
      removeAttr(el, 'integrity');
      continue;
    }
    setAttr(el, 'integrity', integrity(readFileSync(join(dir, localFile(dir, url, `<${el.tagName}>`)))));
    sri += 1;
  }

  // The policy, first in <head>.
  const policy = release ? CSP_META : cspMeta({ devScriptHashes: dev.map((d) => d.hash) });
  for (const el of elements(doc, 'meta', isCspMeta)) removeLine(el);
  const charset = one(head(doc), 'meta', (el) => hasAttr(el, 'charset'), '<meta charset> in <head>');
  insertLineAfter(element('meta', { 'http-equiv': 'Content-Security-Policy', content: policy }), charset);
  const order = [...descendants(head(doc))].filter((n) => ['script', 'link', 'style', 'meta'].includes(n.tagName));
  const first = order.findIndex((n) => n.tagName !== 'meta');
  if (first >= 0 && first < order.findIndex(isCspMeta)) throw new Error('a script or link comes before the CSP <meta> in <head>');

  return `CSP <meta> (${release ? 'release' : `debug: + ${dev.length} trunk serve live-reload script hash`}), integrity on ${sri} scripts/stylesheets/preloads`;
}
