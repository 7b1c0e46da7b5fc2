// Hosting: the built dist/ behind a real nginx with the repo's deploy/nginx.conf under a sub-path: the headers
// of every file, precompressed files, relative URLs, SRI, the CSP (header and <meta>) with zero violations,
// the deploy configs in sync with deploy/headers.mjs, and installability (Chromium's own check over CDP).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { startServer, launchPersistent, watchContext, SUB_PATH, DEPLOY_NGINX_CONF } from './server.mjs';
import {
  CSP, CSP_META, LOADER_HASH, SECURITY_HEADERS, CACHE_IMMUTABLE, CACHE_REVALIDATE, HASHED_NAME, NOT_APP_FILES,
  cspHash, netlifyHeaders, nginxHeaderBlock,
} from '../../deploy/headers.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const DIST = resolve(process.env.E2E_DIST || join(ROOT, 'dist'));

const TYPES = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  wasm: 'application/wasm',
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  webmanifest: 'application/manifest+json; charset=utf-8',
};
const ENGLISH = { 3: 'Containerization', 4: 'Orchestration' };

let server;
const files = readdirSync(DIST).filter((f) => !NOT_APP_FILES.test(f)).sort();
const indexHtml = () => readFileSync(join(DIST, 'index.html'), 'utf8');

before(async () => {
  server = await startServer({ root: DIST });
});
after(async () => {
  await server?.stop();
});

test('every file: type, cache, security headers, precompressed .br/.gz with the same bytes', async () => {
  assert.ok(files.includes('sw.js') && files.includes('manifest.webmanifest') && files.some((f) => f.endsWith('.wasm')), `dist/ is complete: ${files.join(' ')}`);
  const problems = [];
  for (const f of ['', ...files]) {
    const name = f || 'index.html';
    const ext = name.slice(name.lastIndexOf('.') + 1);
    const raw = readFileSync(join(DIST, name));
    for (const enc of ['br', 'gzip', 'identity']) {
      const res = await fetch(server.url + f, { headers: { 'accept-encoding': enc } });
      const h = (k) => res.headers.get(k);
      const what = `${f || '(sub-path root)'} [${enc}]`;
      if (res.status !== 200) { problems.push(`${what}: HTTP ${res.status}`); continue; }
      if (h('content-type') !== TYPES[ext]) problems.push(`${what}: Content-Type ${h('content-type')}, want ${TYPES[ext]}`);
      const cache = HASHED_NAME.test(name) ? CACHE_IMMUTABLE : CACHE_REVALIDATE;
      if (h('cache-control') !== cache) problems.push(`${what}: Cache-Control ${h('cache-control')}, want ${cache}`);
      for (const [k, v] of SECURITY_HEADERS) if (h(k) !== v) problems.push(`${what}: ${k}: ${h(k)}, want ${v}`);
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
  assert.deepEqual(problems, []);

  const redirect = await fetch(server.origin + SUB_PATH.replace(/\/$/, ''), { redirect: 'manual' });
  assert.equal(redirect.status, 301, 'the sub-path without its slash redirects');
  assert.equal(new URL(redirect.headers.get('location'), server.origin).pathname, SUB_PATH);
  const hidden = await fetch(`${server.url}_headers`);
  assert.equal(hidden.status, 404, 'the Netlify header file is not served by nginx');
  const missing = await fetch(`${server.url}missing-0123456789abcdef.js`);
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get('content-security-policy'), CSP, 'error pages carry the security headers too');
});

test('one source: the CSP <meta>, dist/_headers, deploy/_headers and deploy/nginx.conf agree with deploy/headers.mjs', () => {
  const html = indexHtml();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.equal(meta, CSP_META, 'the <meta> CSP is the header CSP without frame-ancestors');
  assert.equal(CSP, `${CSP_META}; frame-ancestors 'none'`);
  assert.doesNotMatch(CSP, /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\s(\*|https?:|data:|blob:)(\s|;|$)/, 'no unsafe-* (only wasm-unsafe-eval), no wildcard or scheme sources');
  for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "'wasm-unsafe-eval'", "style-src 'self'"]) {
    assert.ok(CSP.includes(d), `CSP has ${d}`);
  }
  // The meta comes before every script and stylesheet, so it covers them all.
  assert.ok(html.indexOf('http-equiv="Content-Security-Policy"') < html.search(/<(script|link)\b/), 'CSP meta first in <head>');
  // Exactly one inline script: the loader, whose hash the CSP allows.
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\bsrc=/.test(m[1]));
  assert.equal(inline.length, 1, 'one inline script');
  assert.equal(cspHash(inline[0][2]), LOADER_HASH);
  assert.ok(CSP.includes(LOADER_HASH));

  const generated = netlifyHeaders(readdirSync(DIST));
  assert.equal(readFileSync(join(DIST, '_headers'), 'utf8'), generated, 'dist/_headers');
  assert.equal(readFileSync(join(ROOT, 'deploy/_headers'), 'utf8'), generated, 'deploy/_headers is stale: run `make deploy-config`');
  const nginx = readFileSync(DEPLOY_NGINX_CONF, 'utf8');
  const block = /# BEGIN headers[^\n]*\n([\s\S]*?)# END headers/.exec(nginx)?.[1];
  assert.equal(block, `${nginxHeaderBlock()}\n`, 'deploy/nginx.conf header block is stale: run `make deploy-config`');
});

test('relative URLs only, SRI on every script and stylesheet (checked against the files)', () => {
  const html = indexHtml();
  assert.doesNotMatch(html, /\b(href|src|data-js|data-wasm)="\/(?!\/)/, 'no root-absolute URL in index.html');
  assert.doesNotMatch(html, /\b(href|src)="(https?:)?\/\//, 'nothing from another origin');
  for (const f of files.filter((x) => x.endsWith('.css'))) {
    assert.doesNotMatch(readFileSync(join(DIST, f), 'utf8'), /url\(\s*['"]?\//, `${f}: no root-absolute url()`);
  }
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
  for (const u of [manifest.start_url, manifest.scope, manifest.id, ...manifest.icons.map((i) => i.src)]) {
    assert.match(u, /^\.\//, `manifest URL ${u} is relative`);
  }
  const tags = [...html.matchAll(/<(script|link)\b[^>]*>/g)].map((m) => m[0]);
  let checked = 0;
  for (const tag of tags) {
    const isScript = tag.startsWith('<script') && /\bsrc="/.test(tag);
    const isStyle = /\brel="(stylesheet|modulepreload)"/.test(tag);
    if (!isScript && !isStyle) continue;
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)[1];
    const integrity = /\bintegrity="([^"]+)"/.exec(tag)?.[1];
    assert.ok(integrity, `SRI on ${tag}`);
    const [alg, digest] = integrity.split(/-(.*)/s);
    const actual = createHash(alg).update(readFileSync(join(DIST, url.replace(/^\.\//, '')))).digest('base64');
    assert.equal(digest, actual, `SRI of ${url} matches the file`);
    checked += 1;
  }
  // boot.js, sw-register.js, the app's JS (modulepreload) and the one joined stylesheet, at least.
  assert.ok(checked >= 4, `checked ${checked} scripts and stylesheets`);
});

test('in Chromium under the sub-path: the app works, zero CSP violations and console errors, installable, offline-ready', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'e2e-profile-'));
  const context = await launchPersistent(profile, { locale: 'ko-KR' });
  try {
    const problems = await watchContext(context);
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(10_000);
    const responses = [];
    page.on('response', (r) => responses.push(`${r.status()} ${r.url()}`));
    await page.goto(server.url);
    await page.locator('section.timeline').waitFor({ state: 'visible' });
    await page.locator('#boot').waitFor({ state: 'detached' });

    // The app: a click, keys, the tables.
    await page.locator('a.node[data-gen="3"]').click();
    await page.waitForFunction(() => document.querySelector('a.node[aria-current="step"]')?.dataset.gen === '3');
    assert.match(await page.locator('h2#detail-heading').innerText(), new RegExp(`\\(${ENGLISH[3]}\\)`));
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('a.node[aria-current="step"]')?.dataset.gen === '4');
    assert.ok(await page.getByRole('table', { name: '세대별 요약 비교' }).isVisible(), 'summary table');
    assert.ok(responses.every((r) => r.startsWith('200 ') && r.includes(SUB_PATH)), `all from the sub-path, all 200:\n${responses.join('\n')}`);

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
    assert.deepEqual(injected, { ran: false, applied: false }, 'inline script and style attribute blocked');
    await page.waitForTimeout(100);
    const expected = problems.filter((p) => /CSP violation: (script-src-elem|style-src-attr) blocked inline/.test(p) || /Content Security Policy/.test(p));
    assert.equal(expected.length >= 2, true, `the two injections were reported: ${problems.join('\n')}`);
    problems.length = 0;

    // The service worker takes control; Chromium finds the app installable.
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 15_000 });
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, [], 'manifest parses without errors');
    assert.equal(new URL(manifest.url).pathname, `${SUB_PATH}manifest.webmanifest`);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], 'Page.getInstallabilityErrors');
    const parsed = JSON.parse(manifest.data);
    assert.match(parsed.name, /웹 인프라 진화/);
    assert.match(parsed.name, /Web Infrastructure Evolution/i);
    assert.equal(parsed.display, 'standalone');
    assert.ok(parsed.short_name && parsed.short_name.length <= 12, 'short_name');
    const tokens = readFileSync(join(ROOT, 'style/tokens.css'), 'utf8');
    for (const c of [parsed.theme_color, parsed.background_color]) assert.ok(tokens.includes(c), `${c} is a design token`);
    const sizes = parsed.icons.map((i) => `${i.sizes}/${i.purpose}`);
    for (const s of ['192x192/any', '512x512/any', '512x512/maskable', 'any/any']) assert.ok(sizes.includes(s), `icon ${s}`);
    for (const icon of parsed.icons.filter((i) => i.type === 'image/png')) {
      const png = readFileSync(join(DIST, icon.src.replace(/^\.\//, '')));
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      assert.equal(`${w}x${h}`, icon.sizes, `${icon.src} is really ${icon.sizes}`);
    }

    await page.reload();
    await page.locator('section.timeline').waitFor({ state: 'visible' });
    assert.equal(await page.locator('a.node[aria-current="step"]').getAttribute('data-gen'), '4', 'reload keeps the state (URL hash)');
    assert.deepEqual(problems, [], `no CSP violations or console errors:\n${problems.join('\n')}`);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
