#!/usr/bin/env node
// The last step of `make build`, after Trunk (and the prerender): makes dist/ ready for any static host.
//
//   node scripts/postbuild.mjs [DIR] [--no-single] [--write-deploy]
//
// 1. checks index.html: the only inline script is the constant app loader from Trunk.toml (whose hash the CSP
//    allows), no inline styles or event handlers, SRI on every script and stylesheet;
// 2. renders the PNG icons from assets/icon.svg and assets/icon-maskable.svg (rsvg-convert) and writes
//    manifest.webmanifest, its colours taken from the design tokens in style/tokens.css;
// 3. puts the CSP <meta>, theme colours, manifest and touch icon into index.html, before any script;
// 4. writes sw.js: assets/sw.js with the list of every file of the build, its sha256, and a version hash;
// 5. writes _headers (Netlify / Cloudflare Pages) and checks deploy/_headers and deploy/nginx.conf against
//    deploy/headers.mjs (--write-deploy rewrites them: `make deploy-config`);
// 6. precompresses every text file and the wasm (.br, .gz) for servers that serve precompressed files;
// 7. writes the single-file edition DIR-single/web-infra-evolution.html (unless --no-single).
// Before all that it minifies the CSS and JS Trunk wrote (esbuild; Trunk 0.21's own minifier can't parse the
// wasm-bindgen glue and would also rewrite index.html), keeping the file names and updating their SRI.
//
// Running it again on its own output gives the same result (it removes what it wrote before). Plain Node 20,
// esbuild (a pinned dev dependency) is its only dependency. The e2e tests run it on modified copies of dist/
// to simulate a new deploy.
import { transformSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import {
  CSP, CSP_META, LOADER_HASH, NGINX_HASHED_LOCATION, NOT_APP_FILES, cspHash, netlifyHeaders, nginxHeaderBlock,
} from '../deploy/headers.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const DIR = resolve(args.find((a) => !a.startsWith('--')) || join(ROOT, 'dist'));
const SINGLE_DIR = `${DIR}-single`;
const SINGLE_NAME = 'web-infra-evolution.html';

const BEGIN = '<!-- postbuild: begin (scripts/postbuild.mjs) -->';
const END = '<!-- postbuild: end -->';
/** What this script writes into DIR, so that a second run starts from Trunk's output again. */
const OWN_FILES = /^(sw\.js|manifest\.webmanifest|_headers|icon-(192|512|maskable-512|apple-180)-[0-9a-f]{16}\.png)$|\.(br|gz)$/;
const COMPRESSIBLE = /\.(html|css|js|mjs|wasm|svg|webmanifest|json|txt)$/;

const problems = [];
const warnings = [];
const fail = (msg) => problems.push(msg);

function log(msg) {
  process.stdout.write(`[postbuild] ${msg}\n`);
}
const sha256 = (buf) => createHash('sha256').update(buf);
const sri = (buf, alg = 'sha256') => `${alg}-${createHash(alg).update(buf).digest('base64')}`;
const hex16 = (buf) => sha256(buf).digest('hex').slice(0, 16);
const listFiles = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath ?? d.path, d.name)).split('\\').join('/'))
    .sort();

if (!existsSync(join(DIR, 'index.html'))) {
  console.error(`postbuild: ${DIR}/index.html not found (run trunk build first)`);
  process.exit(1);
}

// 0. Start from Trunk's output: remove what an earlier run wrote.
for (const f of listFiles(DIR)) if (OWN_FILES.test(basename(f))) rmSync(join(DIR, f));
const OWN_BLOCK = /[ \t]*<!-- postbuild: begin[\s\S]*?<!-- postbuild: end -->\n?/;
let html = readFileSync(join(DIR, 'index.html'), 'utf8').replace(OWN_BLOCK, '');

// 0b. One stylesheet instead of Trunk's one per source file: every request costs a round trip on a slow network
// (and HTTP/1.1 opens only six connections), so the stylesheets are joined in their order into
// app-<hash>.css, with its own SRI. The cascade is unchanged: the same rules in the same order.
{
  const LINK_CSS_RE = /[ \t]*<link\b[^>]*\brel="stylesheet"[^>]*>\n?/g;
  const links = [...html.matchAll(LINK_CSS_RE)].map((m) => m[0]);
  const hrefOf = (tag) => /\bhref="\.\/([^"]+\.css)"/.exec(tag)?.[1];
  if (links.length > 1 && links.every(hrefOf)) {
    const files = links.map(hrefOf);
    const css = files.map((f) => readFileSync(join(DIR, f), 'utf8').trim()).join('\n');
    const name = `app-${hex16(css)}.css`;
    writeFileSync(join(DIR, name), css);
    for (const f of files) if (f !== name) rmSync(join(DIR, f));
    const tag = `<link rel="stylesheet" href="./${name}" integrity="${sri(css, 'sha384')}"/>\n`;
    let first = true;
    html = html.replace(LINK_CSS_RE, () => (first ? ((first = false), tag) : ''));
    log(`${files.length} stylesheets joined into ${name}`);
  }
}

// 0c. Minify the stylesheets and scripts in place. Names keep Trunk's hash of the source (still unique per
// content), and every SRI value that named the old bytes now names the new ones. Running again is a no-op.
for (const f of listFiles(DIR)) {
  const kind = f.endsWith('.css') ? 'css' : f.endsWith('.js') ? 'js' : null;
  if (!kind) continue;
  const path = join(DIR, f);
  const source = readFileSync(path, 'utf8');
  const isModule = kind === 'js' && /^\s*(export|import)\b/m.test(source);
  const { code } = transformSync(source, {
    loader: kind, minify: true, legalComments: 'none', ...(isModule ? { format: 'esm' } : {}),
  });
  if (code.length >= source.length) continue;
  writeFileSync(path, code);
  for (const alg of ['sha256', 'sha384', 'sha512']) html = html.replaceAll(sri(source, alg), sri(code, alg));
}

// 1. What the CSP allows is exactly what index.html needs.
const SCRIPT_RE = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const scripts = [...html.matchAll(SCRIPT_RE)].map((m) => ({ tag: m[0], attrs: m[1], text: m[2] }));
const inline = scripts.filter((s) => !/\bsrc\s*=/.test(s.attrs) && !/\btype\s*=\s*"?application\/(?!javascript)/.test(s.attrs));
for (const s of inline) {
  if (cspHash(s.text) !== LOADER_HASH) {
    fail(`index.html has an inline script the CSP does not allow (${cspHash(s.text)}): ${s.tag.slice(0, 120)}…\n` +
      `  The only inline script may be Trunk.toml's pattern_script (the CSP allows ${LOADER_HASH}).`);
  }
}
if (inline.length !== 1) fail(`index.html should have exactly one inline script (the app loader), found ${inline.length}`);
const loader = inline[0];
const loaderAttr = (name) => loader && new RegExp(`\\b${name}="([^"]+)"`).exec(loader.attrs)?.[1];
const wasmFile = loaderAttr('data-wasm')?.replace(/^\.\//, '');
const jsFile = loaderAttr('data-js')?.replace(/^\.\//, '');
if (!wasmFile || !jsFile) fail('the app loader has no data-js / data-wasm (see pattern_script in Trunk.toml)');
for (const [re, what] of [
  [/<style\b/i, '<style> element'],
  [/<[a-z][^>]*\sstyle\s*=/i, 'style="…" attribute'],
  [/<[a-z][^>]*\son[a-z]+\s*=/i, 'inline event handler (on…=)'],
  [/<[a-z][^>]*=\s*"?\s*javascript:/i, 'javascript: URL'],
]) {
  const body = html.replace(SCRIPT_RE, '');
  const m = re.exec(body);
  if (m) fail(`index.html has an ${what}, which the CSP blocks: …${body.slice(Math.max(0, m.index - 60), m.index + 60)}…`);
}
const TAG_RE = /<(script|link)\b[^>]*>/gi;
for (const [tag] of html.matchAll(TAG_RE)) {
  const isScript = /^<script/i.test(tag) && /\bsrc=/.test(tag);
  const isStyle = /^<link/i.test(tag) && /\brel="(stylesheet|modulepreload)"/.test(tag);
  if ((isScript || isStyle) && !/\bintegrity="sha(256|384|512)-/.test(tag)) fail(`no SRI integrity on ${tag}`);
}
if (problems.length) finish();

// 2. Icons and the web app manifest, colours from the design tokens.
function tokens() {
  const css = readFileSync(join(ROOT, 'style/tokens.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const block = (sel) => {
    const i = css.indexOf(sel);
    return i < 0 ? '' : css.slice(css.indexOf('{', i) + 1, css.indexOf('}', i));
  };
  const pick = (body, name) => new RegExp(`${name}\\s*:\\s*([^;]+);`).exec(body)?.[1].trim();
  const light = block(':root {');
  const dark = block(':root[data-theme="dark"]');
  const t = { bg: pick(light, '--bg'), darkBg: pick(dark, '--bg') || pick(light, '--bg') };
  for (const [k, v] of Object.entries(t)) if (!/^#[0-9a-f]{3,8}$/i.test(v || '')) fail(`style/tokens.css: no colour for ${k} (${v})`);
  return t;
}
const colours = tokens();

function render(svg, size) {
  try {
    return execFileSync('rsvg-convert', ['-w', String(size), '-h', String(size), '-f', 'png', svg], { maxBuffer: 1 << 24 });
  } catch (e) {
    fail(`rsvg-convert failed on ${svg} (${e.code === 'ENOENT' ? 'not installed: make setup installs librsvg2-bin' : e.message})`);
    return null;
  }
}
const icons = {};
for (const [key, svg, size] of [
  ['192', 'assets/icon.svg', 192],
  ['512', 'assets/icon.svg', 512],
  ['maskable-512', 'assets/icon-maskable.svg', 512],
  ['apple-180', 'assets/icon-maskable.svg', 180], // iOS rounds the corners itself: the full-bleed one
]) {
  const png = render(join(ROOT, svg), size);
  if (!png) continue;
  icons[key] = `icon-${key}-${hex16(png)}.png`;
  writeFileSync(join(DIR, icons[key]), png);
}
const svgIcon = /<link\b[^>]*rel="icon"[^>]*href="\.\/([^"]+\.svg)"/.exec(html)?.[1];
if (!svgIcon || !existsSync(join(DIR, svgIcon))) fail('index.html has no <link rel="icon" href="./….svg"> in dist/');
if (problems.length) finish();

const manifest = {
  name: '웹 인프라 진화 · Web Infrastructure Evolution',
  short_name: '웹 인프라 진화',
  description: '웹 인프라의 여섯 세대: 물리 서버에서 에지·분산형 인프라까지. The six generations of web infrastructure, from physical servers to the edge.',
  lang: 'ko',
  dir: 'ltr',
  id: './',
  start_url: './',
  scope: './',
  display: 'standalone',
  background_color: colours.bg,
  theme_color: colours.bg,
  categories: ['education', 'reference'],
  icons: [
    { src: `./${svgIcon}`, sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    { src: `./${icons['192']}`, sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: `./${icons['512']}`, sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: `./${icons['maskable-512']}`, sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
writeFileSync(join(DIR, 'manifest.webmanifest'), `${JSON.stringify(manifest, null, 2)}\n`);

// 3. The head additions, before every script and stylesheet (the CSP must come first to cover them).
const headBlock = (csp, withManifest) => [
  BEGIN,
  `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
  `<meta name="theme-color" content="${colours.bg}" media="(prefers-color-scheme: light)">`,
  `<meta name="theme-color" content="${colours.darkBg}" media="(prefers-color-scheme: dark)">`,
  ...(withManifest ? [
    `<link rel="manifest" href="./manifest.webmanifest">`,
    `<link rel="apple-touch-icon" href="./${icons['apple-180']}">`,
  ] : []),
  END,
].join('\n  ');
function insertHead(page, block) {
  const m = /<meta charset="[^"]*">\n?/i.exec(page) || /<head>\n?/i.exec(page);
  if (!m) throw new Error('index.html has no <head>');
  const at = m.index + m[0].length;
  const out = `${page.slice(0, at)}  ${block}\n${page.slice(at)}`;
  const first = out.search(/<(script|link)\b/i);
  if (first >= 0 && first < out.indexOf(BEGIN)) throw new Error('a script or link comes before the CSP meta in <head>');
  return out;
}
html = insertHead(html, headBlock(CSP_META, true));
writeFileSync(join(DIR, 'index.html'), html);

// 4. The service worker: every file of the build (that the app may use), its sha256 and size, and a version.
const precache = {};
for (const f of listFiles(DIR)) {
  if (NOT_APP_FILES.test(f) || f === 'sw.js') continue;
  const buf = readFileSync(join(DIR, f));
  precache[f] = [sri(buf), buf.length];
}
const version = hex16(JSON.stringify(precache));
const swSource = readFileSync(join(ROOT, 'assets/sw.js'), 'utf8');
writeFileSync(join(DIR, 'sw.js'), [
  `// Generated by scripts/postbuild.mjs from assets/sw.js: version ${version} of the build, ${Object.keys(precache).length} files.`,
  `const VERSION = ${JSON.stringify(version)};`,
  `const FILES = ${JSON.stringify(precache, null, 1).replace(/\n\s*/g, ' ')};`,
  swSource,
].join('\n'));

// 5. Host configuration from deploy/headers.mjs.
const headersText = netlifyHeaders(listFiles(DIR));
writeFileSync(join(DIR, '_headers'), headersText);
const deployHeaders = join(ROOT, 'deploy/_headers');
const nginxPath = join(ROOT, 'deploy/nginx.conf');
const nginx = readFileSync(nginxPath, 'utf8');
const BLOCK_RE = /(# BEGIN headers[^\n]*\n)([\s\S]*?)(# END headers)/;
const nginxWanted = nginx.replace(BLOCK_RE, (_, a, _b, c) => `${a}${nginxHeaderBlock()}\n${c}`);
if (!BLOCK_RE.test(nginx)) fail('deploy/nginx.conf lost its "# BEGIN headers" / "# END headers" markers');
if (!nginx.includes(`location ~ "${NGINX_HASHED_LOCATION}"`)) fail(`deploy/nginx.conf has no location ~ "${NGINX_HASHED_LOCATION}" (deploy/headers.mjs)`);
if (flags.has('--write-deploy')) {
  writeFileSync(deployHeaders, headersText);
  writeFileSync(nginxPath, nginxWanted);
  log('wrote deploy/_headers and the header block of deploy/nginx.conf');
} else {
  if (!existsSync(deployHeaders) || readFileSync(deployHeaders, 'utf8') !== headersText) {
    warnings.push('deploy/_headers differs from this build\'s dist/_headers: run `make deploy-config` and commit deploy/');
  }
  if (nginxWanted !== nginx) {
    warnings.push('deploy/nginx.conf headers differ from deploy/headers.mjs: run `make deploy-config` and commit deploy/');
  }
}

// 6. Precompressed siblings (nginx gzip_static / brotli_static; most CDNs compress by themselves).
let compressed = 0;
for (const f of listFiles(DIR)) {
  if (!COMPRESSIBLE.test(f) || NOT_APP_FILES.test(f)) continue;
  const buf = readFileSync(join(DIR, f));
  if (buf.length < 256) continue;
  const br = zlib.brotliCompressSync(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      [zlib.constants.BROTLI_PARAM_MODE]: f.endsWith('.wasm') ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
    },
  });
  const gz = zlib.gzipSync(buf, { level: 9 });
  if (br.length < buf.length * 0.95) writeFileSync(join(DIR, `${f}.br`), br);
  if (gz.length < buf.length * 0.95) writeFileSync(join(DIR, `${f}.gz`), gz);
  compressed += 1;
}

// 7. The single-file edition.
let single = null;
if (!flags.has('--no-single')) single = writeSingle();

log(`CSP: ${CSP}`);
log(`service worker version ${version}: ${Object.keys(precache).length} files precached`);
log(`${compressed} files precompressed (.br, .gz); icons and manifest.webmanifest written`);
if (single) log(`single file: ${relative(ROOT, single.path) || single.path}: ${single.raw} bytes raw, ${single.br} bytes brotli`);
finish();

function finish() {
  for (const w of warnings) process.stderr.write(`[postbuild] warning: ${w}\n`);
  if (problems.length) {
    for (const p of problems) process.stderr.write(`[postbuild] error: ${p}\n`);
    process.exit(1);
  }
  process.exit(0);
}

/**
 * One self-contained HTML file: the CSS in one <style>, boot.js inline, the wasm-bindgen glue inline as a
 * module that starts the app from the wasm carried as base64 in a data block. Opens from file:// with no
 * network. No service worker, no manifest (neither works from a file). Its own CSP: hashes of its three inline
 * elements, 'wasm-unsafe-eval', images only from data: URLs, nothing fetched.
 */
function writeSingle() {
  let page = html.replace(OWN_BLOCK, '');
  const file = (href) => readFileSync(join(DIR, href.replace(/^\.\//, '')));
  const attr = (tag, name) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

  // Stylesheets, in order, become one <style> where the first one was.
  let css = '';
  let firstCss = true;
  page = page.replace(/<link\b[^>]*rel="stylesheet"[^>]*>\n?/g, (tag) => {
    css += `${file(attr(tag, 'href')).toString('utf8').trim()}\n`;
    if (!firstCss) return '';
    firstCss = false;
    return '@@STYLE@@\n';
  });
  // Preloads are pointless in one file.
  page = page.replace(/<link\b[^>]*rel="(modulepreload|preload)"[^>]*>\n?/g, '');
  // The favicon as a data: URL.
  page = page.replace(/<link\b([^>]*)rel="icon"([^>]*)>/, (tag) =>
    `<link rel="icon" type="image/svg+xml" href="data:image/svg+xml;base64,${file(attr(tag, 'href')).toString('base64')}">`);
  // Classic scripts inline, except the service worker registration.
  const inlineScripts = [];
  page = page.replace(/<script\b([^>]*)\bsrc="([^"]+)"[^>]*><\/script>\n?/g, (tag, _a, src) => {
    if (/^\.\/sw-register-/.test(src)) return '';
    const text = file(src).toString('utf8');
    if (/<\/script/i.test(text)) throw new Error(`${src} contains </script`);
    inlineScripts.push(text);
    return `<script>${text}</script>\n`;
  });
  // The loader becomes the glue plus a start from the embedded bytes.
  let glue = file(jsFile).toString('utf8');
  if (/<\/script/i.test(glue)) throw new Error(`${jsFile} contains </script`);
  const initName = (/export default ([\w$]+);/.exec(glue) || /export\s*\{[^}]*?([\w$]+) as default\b[^}]*\}/.exec(glue))?.[1];
  if (!initName) throw new Error(`${jsFile}: no default export (the init function): has the wasm-bindgen glue changed?`);
  glue = `${glue.trim()}\n// Started from the wasm embedded below (base64), not fetched.\n` +
    'const b64 = document.getElementById("wasm-base64").textContent.trim();\n' +
    'let bytes;\n' +
    'if (Uint8Array.fromBase64) bytes = Uint8Array.fromBase64(b64);\n' +
    'else { const bin = atob(b64); bytes = new Uint8Array(bin.length); for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i); }\n' +
    `await ${initName}({ module_or_path: bytes });\n`;
  page = page.replace(loader.tag, () => `<script type="module">${glue}</script>`);
  const wasm = file(wasmFile).toString('base64');
  page = page.replace(/<\/body>/, () => `<script type="application/octet-stream" id="wasm-base64">\n${wasm}\n</script>\n</body>`);
  page = page.replace('@@STYLE@@', () => `<style>${css}</style>`);

  const csp = [
    "default-src 'none'",
    `script-src 'wasm-unsafe-eval' ${[...inlineScripts, glue].map(cspHash).join(' ')}`,
    `style-src ${cspHash(css)}`,
    'img-src data:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  page = insertHead(page, headBlock(csp, false));
  mkdirSync(SINGLE_DIR, { recursive: true });
  const out = join(SINGLE_DIR, SINGLE_NAME);
  writeFileSync(out, page);
  const br = zlib.brotliCompressSync(Buffer.from(page), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { path: out, raw: Buffer.byteLength(page), br };
}

