// Unit tests of the build's finishing steps on small made-up pages (`make test-build`: node --test build/).
// The real build is checked end to end by tests/e2e/ and `make validate`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'parse5';
import {
  CACHE_IMMUTABLE, CACHE_REVALIDATE, CSP, CSP_META, EMBED_CSP, EMBED_FILE, EMBED_FRAME_ANCESTORS, EMBED_PATHS, EMBED_SECURITY_HEADERS, HSTS,
  LOADER_HASH, SECURITY_HEADERS, cspHash, loaderScriptText, netlifyHeaders, nginxHeaderBlock, nginxHttpsConf, securityHeadersFor,
} from '../../deploy/headers.mjs';
import { STEPS } from '../finish.mjs';
import { attr, elements, serialize } from './html.mjs';
import { prerender } from './prerender.mjs';
import { styles } from './styles.mjs';
import { tools } from './tools.mjs';
import { security } from './security.mjs';
import { colourDrift, themeColours } from './pwa.mjs';
import { cacheProblems } from './headers.mjs';
import { bundleApp } from './single.mjs';
import { EMBED_ATTR, embed, embedPage } from './embed.mjs';

const LOADER = `<script type="module" data-js="./app-0123456789abcdef.js" data-wasm="./app-0123456789abcdef_bg.wasm">${loaderScriptText()}</script>`;

function site(files) {
  const dir = mkdtempSync(join(tmpdir(), 'steps-test-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
const page = (headHtml, bodyHtml = '<div id="app"></div>') =>
  parse(`<!doctype html><html lang="ko"><head>\n  <meta charset="utf-8">\n  ${headHtml}\n</head><body>${bodyHtml}</body></html>`);
const sha384 = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

test('prerender: the fragment goes into #app as parsed HTML, without Leptos\'s empty <!> markers; a second run keeps it', () => {
  const doc = page('');
  const summary = prerender({ doc, root: '.', render: () => '<main><p>가 &amp; 나<!></p><!><a href="#/gen/3">3</a></main><!>' });
  assert.match(summary, /3 empty markers dropped/);
  const html = serialize(doc);
  assert.match(html, /<div id="app" data-prerendered=""><main><p>가 &amp; 나<\/p><a href="#\/gen\/3">3<\/a><\/main><\/div>/);
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

test('tools: the tools\' wasm renamed for its content and named in the loader; a second run keeps it; missing, a clear message', () => {
  const dir = site({ 'tools.js': 'export default function init() {}', 'tools_bg.wasm': '\0asm' });
  const doc = page(LOADER);
  assert.match(tools({ doc, dir }), /tools-[0-9a-f]{16}\.js and tools-[0-9a-f]{16}_bg\.wasm/);
  const [js] = readdirSync(dir).filter((n) => n.endsWith('.js'));
  const [wasm] = readdirSync(dir).filter((n) => n.endsWith('.wasm'));
  assert.equal(wasm, js.replace(/\.js$/, '_bg.wasm'));
  const [loader] = elements(doc, 'script', (e) => attr(e, 'data-wasm'));
  assert.equal(attr(loader, 'data-tools-js'), `./${js}`);
  assert.equal(attr(loader, 'data-tools-wasm'), `./${wasm}`);
  const html = serialize(doc);
  tools({ doc, dir });
  assert.equal(serialize(doc), html);
  assert.deepEqual(readdirSync(dir).sort(), [js, wasm].sort());
  rmSync(dir, { recursive: true });
  assert.throws(() => tools({ doc: page(LOADER), dir: site({ 'app.js': '' }) }), /expected one glue .*data-bin="tools"/);
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
  const good = ['index.html', 'embed.html', 'sw.js', 'manifest.webmanifest', 'icon.svg', 'icon-192.png', 'app-0123456789abcdef.css',
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

test('single: the glue is bundled by its default export (and the tools\' beside it); without one, a clear message', () => {
  const dir = site({
    'glue.js': 'let w;\nexport function unused() { return 1; }\nasync function __wbg_init(o) { w = o.module_or_path; }\nexport default __wbg_init;\n',
    'odd.js': 'export function start() {}\n',
  });
  try {
    const code = bundleApp(dir, 'glue.js', 'wasm-base64');
    assert.match(code, /getElementById\(\w+\)/);
    assert.match(code, /await \w+\(\{module_or_path:\w+\("wasm-base64"\)\}\)/);
    assert.doesNotMatch(code, /export|import|wieTools/, 'one self-contained module');
    // With the tools' glue: window.wieTools starts them from their own data block on first use.
    const withTools = bundleApp(dir, 'glue.js', 'wasm-base64', { glue: 'glue.js', dataId: 'tools-base64' });
    assert.match(withTools, /window\.wieTools=/);
    assert.match(withTools, /module_or_path:\w+\("tools-base64"\)/);
    assert.doesNotMatch(withTools, /export|import/, 'still one self-contained module');
    assert.throws(() => bundleApp(dir, 'odd.js', 'wasm-base64'), /default export is its init function.*has wasm-bindgen changed/s);
    assert.ok(!existsSync(join(dir, 'out.js')));
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('embed: embed.html is the finished page with <html data-embed>, nothing else changed; index.html untouched; idempotent', () => {
  const dir = site({});
  try {
    const doc = page(`${LOADER}\n  <link rel="stylesheet" href="./app-0123456789abcdef.css" integrity="sha384-x">`, '<div id="app" data-prerendered=""><p>가</p><!----></div>');
    const before = serialize(doc);
    assert.match(embed({ doc, dir }), new RegExp(`^${EMBED_FILE}: `));
    assert.equal(serialize(doc), before, 'index.html is not changed');
    const written = readFileSync(join(dir, EMBED_FILE), 'utf8');
    assert.equal(written, embedPage(doc));
    assert.match(written, /^<!DOCTYPE html><html lang="ko" data-embed="">/);
    assert.equal(written.replace(` ${EMBED_ATTR}=""`, ''), before, 'the same page but for the attribute');
    embed({ doc, dir });
    assert.equal(readFileSync(join(dir, EMBED_FILE), 'utf8'), written, 'a second run writes the same file');
    assert.throws(() => embedPage(parse(written)), /already has data-embed/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('embed: runs after every step that changes index.html and before the service worker lists the files', () => {
  const names = STEPS.map((s) => s.name);
  const at = (n) => names.indexOf(n);
  for (const before of ['prerender', 'styles', 'scripts', 'security', 'preview']) assert.ok(at(before) < at('embed'), `${before} before embed`);
  for (const after of ['pwa', 'headers', 'compress']) assert.ok(at('embed') < at(after), `embed before ${after}`);
  assert.deepEqual(STEPS.filter((s) => s.seals).map((s) => s.name), ['embed'], 'no step after embed may change index.html');
});

test('headers: the embed variant differs from the app\'s only in framing: its frame-ancestors, no X-Frame-Options', () => {
  assert.equal(EMBED_CSP, CSP.replace("frame-ancestors 'none'", `frame-ancestors ${EMBED_FRAME_ANCESTORS}`));
  assert.notEqual(EMBED_CSP, CSP);
  assert.deepEqual(EMBED_SECURITY_HEADERS, SECURITY_HEADERS.filter(([k]) => k !== 'X-Frame-Options')
    .map(([k, v]) => [k, k === 'Content-Security-Policy' ? EMBED_CSP : v]));
  assert.equal(securityHeadersFor(EMBED_FILE), EMBED_SECURITY_HEADERS);
  for (const f of ['index.html', 'sw.js', 'app-0123456789abcdef.css', 'embed.html.br']) assert.equal(securityHeadersFor(f), SECURITY_HEADERS);
});

/** A path pattern of _headers (`*` any characters) as a RegExp. */
const pathPattern = (p) => new RegExp(`^${p.split('*').map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

/** The rules of a generated _headers file: [{ path, set: [[k, v]], unset: [k] }] in file order. */
function headerRules(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (line.startsWith('/')) rules.push({ path: line, set: [], unset: [] });
    else if (line.startsWith('  ! ')) rules.at(-1).unset.push(line.slice(4));
    else {
      const m = /^ {2}([A-Za-z-]+): (.+)$/.exec(line);
      assert.ok(m, `a header line: ${line}`);
      rules.at(-1).set.push([m[1], m[2]]);
    }
  }
  return rules;
}

test('_headers: framing refused for every path but the embed\'s, whether a host detaches (Cloudflare) or lets the later rule win', () => {
  const rules = headerRules(netlifyHeaders());
  assert.equal(new Set(rules.map((r) => r.path)).size, rules.length, 'one rule per path (Cloudflare Pages keeps only the last)');
  assert.deepEqual(EMBED_PATHS, ['/embed.html', '/embed']);
  const matching = (path) => rules.filter((r) => pathPattern(r.path).test(path));
  // Cloudflare Pages (pages-shared asset-server): each matching rule in order, its detaches, then its headers
  // (a header already set by an earlier rule is appended to: a comma-joined second value).
  const cloudflare = (path) => {
    const h = new Map();
    for (const r of matching(path)) {
      for (const k of r.unset) h.delete(k);
      for (const [k, v] of r.set) h.set(k, h.has(k) ? `${h.get(k)}, ${v}` : v);
    }
    return h;
  };
  // A host that ignores `! Name` and lets a later rule's header replace an earlier one (netlify-cli's own merge).
  const laterWins = (path) => new Map(matching(path).flatMap((r) => r.set));
  for (const semantics of [cloudflare, laterWins]) {
    for (const path of ['/', '/index.html', '/index', '/missing', '/app-0123456789abcdef.css', '/sw.js', '/embed.html/x']) {
      const h = semantics(path);
      assert.equal(h.get('Content-Security-Policy'), CSP, `${semantics.name} ${path}: CSP`);
      assert.equal(h.get('X-Frame-Options'), 'DENY', `${semantics.name} ${path}: X-Frame-Options`);
    }
    for (const path of EMBED_PATHS) {
      const h = semantics(path);
      assert.equal(h.get('Content-Security-Policy'), EMBED_CSP, `${semantics.name} ${path}: CSP`);
      assert.equal(h.get('Cache-Control'), CACHE_REVALIDATE, `${semantics.name} ${path}: Cache-Control`);
      assert.equal(h.get(HSTS[0]), HSTS[1], `${semantics.name} ${path}: HSTS`);
      for (const [k, v] of EMBED_SECURITY_HEADERS.filter(([k]) => k !== 'Content-Security-Policy')) assert.equal(h.get(k), v, `${path}: ${k}`);
    }
    assert.equal(cloudflare('/embed.html').has('X-Frame-Options'), false, 'Cloudflare: no X-Frame-Options on the embed');
  }
});

/**
 * What nginx sends for `file` under deploy/nginx.conf's generated block, worked out the way nginx does: the first
 * regex location that matches runs its own `set` lines (else those of the block's top), then every add_header with
 * its variables filled in; a header whose value is empty is not sent.
 */
function nginxHeaders(block, file) {
  const lines = block.split('\n');
  const sets = (from) => Object.fromEntries(from.map((l) => /^\s*set (\$\w+) "(.*)";$/.exec(l)).filter(Boolean).map((m) => [m[1], m[2].replace(/\\(.)/g, '$1')]));
  const top = [];
  const locations = [];
  let inside = null;
  for (const l of lines) {
    const open = /^location ~ "?(.+?)"? \{$/.exec(l);
    if (open) inside = { re: new RegExp(open[1]), lines: [] };
    else if (l === '}') { locations.push(inside); inside = null; } else (inside ? inside.lines : top).push(l);
  }
  const vars = sets(locations.find((loc) => loc.re.test(`/a/b/web-infra/${file}`))?.lines ?? top);
  const headers = [];
  for (const l of top) {
    const m = /^add_header ([\w-]+) (?:"(.*)"|(\$\w+)) always;$/.exec(l);
    if (!m) continue;
    const value = (m[2] ?? m[3]).replace(/\\(.)/g, '$1').replace(/\$\w+/g, (v) => vars[v] ?? '');
    if (value) headers.push([m[1], value]);
  }
  return headers;
}

test('nginx.conf block: each file gets its cache rule and its variant of the headers (the embed: no X-Frame-Options)', () => {
  const block = nginxHeaderBlock();
  for (const [file, cache] of [['index.html', CACHE_REVALIDATE], ['', CACHE_REVALIDATE], [EMBED_FILE, CACHE_REVALIDATE], ['sw.js', CACHE_REVALIDATE],
    ['app-0123456789abcdef.css', CACHE_IMMUTABLE], ['web-infra-evolution-0123456789abcdef_bg.wasm', CACHE_IMMUTABLE], ['_headers', CACHE_REVALIDATE],
    ['missing.txt', CACHE_REVALIDATE], ['embed.html.br', CACHE_REVALIDATE]]) {
    const want = [['Cache-Control', cache], ...(file === EMBED_FILE ? EMBED_SECURITY_HEADERS : SECURITY_HEADERS)];
    assert.deepEqual(nginxHeaders(block, file), want, file || '(the directory)');
  }
});
