// Unit tests of the build's finishing steps on small made-up pages (`make test-build`: node --test build/).
// The real build is checked end to end by tests/e2e/ and `make validate`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'parse5';
import { CSP_META, HSTS, LOADER_HASH, SECURITY_HEADERS, cspHash, loaderScriptText, netlifyHeaders, nginxHttpsConf } from '../../deploy/headers.mjs';
import { attr, elements, serialize } from './html.mjs';
import { prerender } from './prerender.mjs';
import { styles } from './styles.mjs';
import { security } from './security.mjs';
import { colourDrift, themeColours } from './pwa.mjs';
import { cacheProblems } from './headers.mjs';
import { bundleApp } from './single.mjs';

const LOADER = `<script type="module" data-js="./app-0123456789abcdef.js" data-wasm="./app-0123456789abcdef_bg.wasm">${loaderScriptText()}</script>`;

function site(files) {
  const dir = mkdtempSync(join(tmpdir(), 'steps-test-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
const page = (headHtml, bodyHtml = '<div id="app"></div>') =>
  parse(`<!doctype html><html lang="ko"><head>\n  <meta charset="utf-8">\n  ${headHtml}\n</head><body>${bodyHtml}</body></html>`);
const sha384 = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

test('prerender: the fragment goes into #app as parsed HTML, with Leptos <!> markers as valid comments; a second run keeps it', () => {
  const doc = page('');
  const summary = prerender({ doc, root: '.', render: () => '<main><p>가 &amp; 나<!></p><!><a href="#/gen/3">3</a></main><!>' });
  assert.match(summary, /3 hydration markers/);
  const html = serialize(doc);
  assert.match(html, /<div id="app" data-prerendered=""><main><p>가 &amp; 나<!----><\/p><!----><a href="#\/gen\/3">3<\/a><\/main><!----><\/div>/);
  assert.equal(prerender({ doc, root: '.', render: () => assert.fail('rendered again') }), 'already prerendered');
  assert.equal(serialize(doc), html);
  assert.throws(() => prerender({ doc: page('', '<div id="app"><p>old</p></div>'), root: '.', render: () => '<p>x</p>' }), /must be empty/);
  assert.throws(() => prerender({ doc: page('', '<div id="app"></div><div id="app"></div>'), root: '.', render: () => 'x' }), /exactly one/);
});

test('styles: stylesheets joined in order into app-<hash>.css, the old files gone; a second run changes nothing', () => {
  const dir = site({ 'a-0123456789abcdef.css': 'a { color: red; }\n', 'b-0123456789abcdef.css': 'b { color: blue; }\n' });
  try {
    const doc = page('<link rel="stylesheet" href="./a-0123456789abcdef.css">\n  <link rel="stylesheet" href="./b-0123456789abcdef.css">');
    styles({ doc, dir, release: true });
    const links = elements(doc, 'link');
    assert.equal(links.length, 1);
    const name = attr(links[0], 'href').slice(2);
    assert.match(name, /^app-[0-9a-f]{16}\.css$/);
    assert.deepEqual(readdirSync(dir), [name]);
    assert.equal(readFileSync(join(dir, name), 'utf8'), 'a{color:red}b{color:#00f}\n');
    const once = serialize(doc);
    styles({ doc, dir, release: true });
    assert.equal(serialize(doc), once);
    assert.deepEqual(readdirSync(dir), [name]);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('security: CSP meta first, integrity from the files, none where HTML forbids it, idempotent', () => {
  const dir = site({ 's-0123456789abcdef.css': 'p{}', 'boot-0123456789abcdef.js': 'var x;', 'icon.svg': '<svg/>' });
  try {
    const doc = page(`<link rel="icon" href="./icon.svg" integrity="sha384-stale">\n  ${LOADER}\n  ` +
      '<link rel="stylesheet" href="./s-0123456789abcdef.css" integrity="sha384-stale">\n  <script src="./boot-0123456789abcdef.js"></script>');
    security({ doc, dir, release: true });
    const html = serialize(doc);
    assert.ok(html.indexOf(`<meta http-equiv="Content-Security-Policy" content="${CSP_META}">`) < html.indexOf('<link'), 'CSP meta before every link');
    const [icon, sheet] = elements(doc, 'link');
    assert.equal(attr(icon, 'integrity'), undefined, 'no integrity on rel=icon');
    assert.equal(attr(sheet, 'integrity'), sha384('p{}'));
    assert.equal(attr(elements(doc, 'script')[1], 'integrity'), sha384('var x;'));
    security({ doc, dir, release: true });
    assert.equal(serialize(doc), html, 'a second run changes nothing');
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('security: any other inline script or style fails a release; debug allows trunk serve\'s live reload by hash', () => {
  const reload = "<script>const address = '{{__TRUNK_ADDRESS__}}'; const base = '{{__TRUNK_WS_BASE__}}'; new WebSocket('ws://' + address + base + '.well-known/trunk/ws');</script>";
  const dir = site({});
  try {
    assert.throws(() => security({ doc: page(LOADER, `<div id="app"></div>${reload}`), dir, release: true }), /inline script the CSP does not allow/);
    assert.throws(() => security({ doc: page(LOADER, '<p style="color:red">x</p>'), dir, release: true }), /style="…"/);
    assert.throws(() => security({ doc: page(LOADER, '<button onclick="x()">x</button>'), dir, release: true }), /onclick/);
    assert.throws(() => security({ doc: page(`${LOADER}<script>alert(1)</script>`), dir, release: false }), /inline script the CSP does not allow/);

    const doc = page(LOADER, `<div id="app"></div>${reload}`);
    security({ doc, dir, release: false, publicUrl: './' });
    const text = elements(doc, 'script')[1].childNodes[0].value;
    assert.equal(text, "const address = window.location.host; const base = '/'; new WebSocket('ws://' + address + base + '.well-known/trunk/ws');");
    const csp = attr(elements(doc, 'meta')[1], 'content');
    assert.ok(csp.includes(`${LOADER_HASH} ${cspHash(text)}`), csp);
    assert.notEqual(csp, CSP_META);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('pwa: the manifest and theme-color metas must carry the --bg tokens', () => {
  const tokens = themeColours(':root {\n  --bg-2: #eee;\n  --bg: #ffffff;\n}\n:root[data-theme="dark"] {\n  --bg: #0f1216;\n}\n');
  assert.deepEqual(tokens, { light: '#ffffff', dark: '#0f1216' });
  const metas = '<meta name="theme-color" content="#ffffff" media="(prefers-color-scheme: light)">' +
    '<meta name="theme-color" content="#0F1216" media="(prefers-color-scheme: dark)">';
  assert.deepEqual(colourDrift({ tokens, manifest: { theme_color: '#ffffff', background_color: '#FFFFFF' }, doc: page(metas) }), []);
  const drift = colourDrift({ tokens, manifest: { theme_color: '#fafafa', background_color: '#ffffff' }, doc: page(metas.slice(0, metas.indexOf('<meta', 5))) });
  assert.equal(drift.length, 2, drift.join('\n'));
  assert.throws(() => themeColours(':root { --fg: #000; }'), /no --bg colour/);
});

test('headers: each file of a build gets exactly one cache rule, immutable exactly when hashed', () => {
  const good = ['index.html', 'sw.js', 'manifest.webmanifest', 'icon.svg', 'icon-192.png', 'app-0123456789abcdef.css',
    'boot-0123456789abcdef.js', 'web-infra-evolution-123456789abcdef.js', 'web-infra-evolution-123456789abcdef_bg.wasm',
    'index.html.br', '_headers'];
  assert.deepEqual(cacheProblems(good), []);
  const problems = cacheProblems(['extra.txt', 'styles.css', 'icons/a.png']);
  assert.equal(problems.length, 3, problems.join('\n'));
});

test('HSTS: in _headers, never among the headers nginx.conf sends over any scheme; nginx-https.conf\'s lines follow it', () => {
  assert.ok(!SECURITY_HEADERS.some(([k]) => k === HSTS[0]), 'not sent over plain HTTP (RFC 6797)');
  assert.match(netlifyHeaders(), new RegExp(`^/\\*\\n(  .+\\n)*  ${HSTS[0]}: ${HSTS[1]}\\n`, 'm'));
  const conf = 'server {\n    add_header Strict-Transport-Security "max-age=60" always;\n    location / {\n        add_header Strict-Transport-Security "x";\n    }\n}\n';
  assert.equal(nginxHttpsConf(conf), conf.replace('"max-age=60" always', `"${HSTS[1]}" always`).replace('"x";', `"${HSTS[1]}" always;`));
  assert.throws(() => nginxHttpsConf('server {}\n'), /no `add_header Strict-Transport-Security` line/);
});

test('single: the glue is bundled by its default export; without one, a clear message', () => {
  const dir = site({
    'glue.js': 'let w;\nexport function unused() { return 1; }\nasync function __wbg_init(o) { w = o.module_or_path; }\nexport default __wbg_init;\n',
    'odd.js': 'export function start() {}\n',
  });
  try {
    const code = bundleApp(dir, 'glue.js', 'wasm-base64');
    assert.match(code, /getElementById\("wasm-base64"\)/);
    assert.match(code, /await \w+\(\{module_or_path:\w+\}\)/);
    assert.doesNotMatch(code, /export|import/, 'one self-contained module');
    assert.throws(() => bundleApp(dir, 'odd.js', 'wasm-base64'), /default export is its init function.*has wasm-bindgen changed/s);
    assert.ok(!existsSync(join(dir, 'out.js')));
  } finally {
    rmSync(dir, { recursive: true });
  }
});
