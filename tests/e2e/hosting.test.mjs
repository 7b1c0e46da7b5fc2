// Hosting: the built dist/ behind the real nginx with the repo's deploy/nginx.conf under a sub-path: the headers
// of every file, precompressed files, relative URLs, SRI, the CSP (header and <meta>) with zero violations,
// the deploy configs in sync with deploy/headers.mjs, and installability (Chromium's own check over CDP).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { test, expect, appFor } from './fixtures.mjs';
import { DIST, ROOT, SUB_PATH, DEPLOY_NGINX_CONF } from './server.mjs';
import { words } from './content.mjs';
import {
  CSP, CSP_META, LOADER_HASH, SECURITY_HEADERS, CACHE_IMMUTABLE, CACHE_REVALIDATE, EMBED_FILE, HASHED_NAME, NOT_APP_FILES,
  cspHash, netlifyHeaders, nginxHeaderBlock, securityHeadersFor,
} from '../../deploy/headers.mjs';

const TYPES = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  wasm: 'application/wasm',
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  webmanifest: 'application/manifest+json; charset=utf-8',
};
const KO = words('ko');

/** The app's files in dist/ (read when a test runs, so listing the tests needs no build). */
const appFiles = () => readdirSync(DIST).filter((f) => !NOT_APP_FILES.test(f)).sort();
const indexHtml = () => readFileSync(join(DIST, 'index.html'), 'utf8');

test('every file: type, cache, security headers, precompressed .br/.gz with the same bytes', async ({ site }) => {
  const files = appFiles();
  expect(files.includes('sw.js') && files.includes('manifest.webmanifest') && files.includes(EMBED_FILE) && files.some((f) => f.endsWith('.wasm')),
    `dist/ is complete: ${files.join(' ')}`).toBe(true);
  const problems = [];
  for (const f of ['', ...files]) {
    const name = f || 'index.html';
    const ext = name.slice(name.lastIndexOf('.') + 1);
    const raw = readFileSync(join(DIST, name));
    for (const enc of ['br', 'gzip', 'identity']) {
      const res = await fetch(site.url + f, { headers: { 'accept-encoding': enc } });
      const h = (k) => res.headers.get(k);
      const what = `${f || '(sub-path root)'} [${enc}]`;
      if (res.status !== 200) { problems.push(`${what}: HTTP ${res.status}`); continue; }
      if (h('content-type') !== TYPES[ext]) problems.push(`${what}: Content-Type ${h('content-type')}, want ${TYPES[ext]}`);
      const cache = HASHED_NAME.test(name) ? CACHE_IMMUTABLE : CACHE_REVALIDATE;
      if (h('cache-control') !== cache) problems.push(`${what}: Cache-Control ${h('cache-control')}, want ${cache}`);
      // The app's headers, or the embed's variant (framing allowed: its own CSP, no X-Frame-Options).
      const want = new Map(securityHeadersFor(name));
      for (const [k] of SECURITY_HEADERS) if (h(k) !== (want.get(k) ?? null)) problems.push(`${what}: ${k}: ${h(k)}, want ${want.get(k) ?? '(none)'}`);
      const body = Buffer.from(await res.arrayBuffer());
      // fetch() decodes br/gzip itself; what matters is that nginx sent the precompressed file, and the bytes.
      const sibling = { br: '.br', gzip: '.gz' }[enc];
      const hasSibling = sibling && readdirSync(DIST).includes(name + sibling);
      if (hasSibling && h('content-encoding') !== enc) problems.push(`${what}: Content-Encoding ${h('content-encoding')} although ${name}${sibling} exists`);
      if (hasSibling && !/Accept-Encoding/i.test(h('vary') || '')) problems.push(`${what}: no Vary: Accept-Encoding`);
      if (!body.equals(raw)) problems.push(`${what}: body differs from dist/${name}`);
    }
  }
  // The big ones must be precompressed.
  for (const f of files.filter((x) => /\.(wasm|js|css|html)$/.test(x) && readFileSync(join(DIST, x)).length > 1024)) {
    for (const s of ['.br', '.gz']) if (!readdirSync(DIST).includes(f + s)) problems.push(`no ${f}${s}`);
  }
  // The precompressed files decode to the originals.
  for (const f of readdirSync(DIST).filter((x) => /\.(br|gz)$/.test(x))) {
    const orig = readFileSync(join(DIST, f.replace(/\.(br|gz)$/, '')));
    const dec = f.endsWith('.br') ? zlib.brotliDecompressSync(readFileSync(join(DIST, f))) : zlib.gunzipSync(readFileSync(join(DIST, f)));
    if (!dec.equals(orig)) problems.push(`${f} does not decode to its original`);
  }
  expect(problems).toEqual([]);

  const redirect = await fetch(site.origin + SUB_PATH.replace(/\/$/, ''), { redirect: 'manual' });
  expect(redirect.status, 'the sub-path without its slash redirects').toBe(301);
  expect(new URL(redirect.headers.get('location'), site.origin).pathname).toBe(SUB_PATH);
  const hidden = await fetch(`${site.url}_headers`);
  expect(hidden.status, 'the Netlify header file is not served by nginx').toBe(404);
  const missing = await fetch(`${site.url}missing-0123456789abcdef.js`);
  expect(missing.status).toBe(404);
  expect(missing.headers.get('content-security-policy'), 'error pages carry the security headers too').toBe(CSP);
});

test('one source: the CSP <meta>, dist/_headers, deploy/_headers and deploy/nginx.conf agree with deploy/headers.mjs', () => {
  const html = indexHtml();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  expect(meta, 'the <meta> CSP is the header CSP without frame-ancestors').toBe(CSP_META);
  expect(CSP).toBe(`${CSP_META}; frame-ancestors 'none'`);
  expect(CSP, 'no unsafe-* (only wasm-unsafe-eval), no wildcard or scheme sources').not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\s(\*|https?:|data:|blob:)(\s|;|$)/);
  for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "'wasm-unsafe-eval'", "style-src 'self'"]) {
    expect(CSP).toContain(d);
  }
  // The meta comes before every script and stylesheet, so it covers them all.
  expect(html.indexOf('http-equiv="Content-Security-Policy"'), 'CSP meta first in <head>').toBeLessThan(html.search(/<(script|link)\b/));
  // Exactly one inline script: the loader, whose hash the CSP allows.
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\bsrc=/.test(m[1]));
  expect(inline.length, 'one inline script').toBe(1);
  expect(cspHash(inline[0][2])).toBe(LOADER_HASH);
  expect(CSP).toContain(LOADER_HASH);

  const generated = netlifyHeaders(readdirSync(DIST));
  expect(readFileSync(join(DIST, '_headers'), 'utf8'), 'dist/_headers').toBe(generated);
  expect(readFileSync(join(ROOT, 'deploy/_headers'), 'utf8'), 'deploy/_headers is stale: run `make deploy-config`').toBe(generated);
  const block = /# BEGIN headers[^\n]*\n([\s\S]*?)# END headers/.exec(readFileSync(DEPLOY_NGINX_CONF, 'utf8'))?.[1];
  expect(block, 'deploy/nginx.conf header block is stale: run `make deploy-config`').toBe(`${nginxHeaderBlock()}\n`);
});

test('relative URLs only, SRI on every script and stylesheet (checked against the files)', () => {
  const html = indexHtml();
  expect(html, 'no root-absolute URL in index.html').not.toMatch(/\b(href|src|data-js|data-wasm)="\/(?!\/)/);
  expect(html, 'nothing from another origin').not.toMatch(/\b(href|src)="(https?:)?\/\//);
  for (const f of appFiles().filter((x) => x.endsWith('.css'))) {
    expect(readFileSync(join(DIST, f), 'utf8'), `${f}: no root-absolute url()`).not.toMatch(/url\(\s*['"]?\//);
  }
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
  for (const u of [manifest.start_url, manifest.scope, manifest.id, ...manifest.icons.map((i) => i.src)]) {
    expect(u, `manifest URL ${u} is relative`).toMatch(/^\.\//);
  }
  const tags = [...html.matchAll(/<(script|link)\b[^>]*>/g)].map((m) => m[0]);
  let checked = 0;
  for (const tag of tags) {
    const isScript = tag.startsWith('<script') && /\bsrc="/.test(tag);
    const isStyle = /\brel="(stylesheet|modulepreload)"/.test(tag);
    if (!isScript && !isStyle) continue;
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)[1];
    const integrity = /\bintegrity="([^"]+)"/.exec(tag)?.[1];
    expect(integrity, `SRI on ${tag}`).toBeTruthy();
    const [alg, digest] = integrity.split(/-(.*)/s);
    const actual = createHash(alg).update(readFileSync(join(DIST, url.replace(/^\.\//, '')))).digest('base64');
    expect(digest, `SRI of ${url} matches the file`).toBe(actual);
    checked += 1;
  }
  // boot.js, sw-register.js, the app's JS (modulepreload) and the one joined stylesheet, at least.
  expect(checked, 'scripts and stylesheets checked').toBeGreaterThanOrEqual(4);
});

test('in Chromium under the sub-path: the app works, zero CSP violations and console errors, installable, offline-ready', async ({ launchPersistent, browserProblems, site }) => {
  // A profile on disk: not incognito, so Chromium reports installability.
  const context = await launchPersistent({ locale: 'ko-KR' });
  const page = context.pages()[0] ?? (await context.newPage());
  const responses = [];
  page.on('response', (r) => responses.push(`${r.status()} ${r.url()}`));
  const app = appFor(page, site.url);
  await app.open();

  // The app: a click, keys, the tables.
  await app.node(3).click();
  await app.expectActive(3, 'click');
  await page.keyboard.press('ArrowRight');
  await app.expectActive(4, 'ArrowRight');
  await expect(page.getByRole('table', { name: KO.summaryCaption }), 'summary table').toBeVisible();
  expect(responses.filter((r) => !(r.startsWith('200 ') && r.includes(SUB_PATH))), 'all from the sub-path, all 200').toEqual([]);

  // The CSP is in force (header and meta): an injected inline script or style attribute is refused.
  const injected = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.head.append(s);
    const d = document.createElement('div');
    d.setAttribute('style', 'color: red');
    document.body.append(d);
    const applied = getComputedStyle(d).color === 'rgb(255, 0, 0)';
    d.remove();
    return { ran: window.__injected === true, applied };
  });
  expect(injected, 'inline script and style attribute blocked').toEqual({ ran: false, applied: false });
  // Each is reported once per policy (the header's and the <meta>'s), as a violation event and a console error.
  const reported = (re) => browserProblems.list.filter((p) => re.test(p)).length;
  await expect.poll(() => reported(/CSP violation: script-src-elem blocked inline/), { message: 'the inline script reported' }).toBeGreaterThanOrEqual(1);
  await expect.poll(() => reported(/CSP violation: style-src-attr blocked inline/), { message: 'the style attribute reported' }).toBeGreaterThanOrEqual(1);
  // Taken, so the fixture's check still covers everything else.
  browserProblems.take(/^CSP violation: (script-src-elem|style-src-attr) blocked inline$/);
  browserProblems.take(/^console\.error: (Executing inline script|Applying inline style) violates the following Content Security Policy directive/);

  // The service worker takes control; Chromium finds the app installable.
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 15_000 });
  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.errors, 'manifest parses without errors').toEqual([]);
  expect(new URL(manifest.url).pathname).toBe(`${SUB_PATH}manifest.webmanifest`);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors, 'Page.getInstallabilityErrors').toEqual([]);
  const parsed = JSON.parse(manifest.data);
  expect(parsed.name).toContain(words('ko').title);
  expect(parsed.name).toContain(words('en').title);
  expect(parsed.display).toBe('standalone');
  expect(parsed.short_name?.length, 'short_name').toBeLessThanOrEqual(12);
  const tokens = readFileSync(join(ROOT, 'style/tokens.css'), 'utf8');
  for (const c of [parsed.theme_color, parsed.background_color]) expect(tokens, `${c} is a design token`).toContain(c);
  const sizes = parsed.icons.map((i) => `${i.sizes}/${i.purpose}`);
  for (const s of ['192x192/any', '512x512/any', '512x512/maskable', 'any/any']) expect(sizes, `icon ${s}`).toContain(s);
  for (const icon of parsed.icons.filter((i) => i.type === 'image/png')) {
    const png = readFileSync(join(DIST, icon.src.replace(/^\.\//, '')));
    expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, `${icon.src} is really ${icon.sizes}`).toBe(icon.sizes);
  }

  await page.reload();
  await app.ready();
  await app.expectActive(4, 'reload keeps the state (URL hash)');
});
