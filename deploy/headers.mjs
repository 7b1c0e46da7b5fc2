// The one source of the HTTP response headers: the Content-Security-Policy, the other security headers and the
// caching rules (with the one definition of a hashed file name). From it come
//   - the <meta http-equiv="Content-Security-Policy"> in dist/index.html (build/steps/security.mjs), for hosts
//     that cannot set headers,
//   - deploy/_headers and dist/_headers (Netlify / Cloudflare Pages), the generated block of deploy/nginx.conf
//     and the HSTS lines of deploy/nginx-https.conf (`make deploy-config`: build/deploy-config.mjs; the build
//     warns when they drift),
//   - the hashed-name test in dist/sw.js (build/steps/pwa.mjs).
// The e2e tests (tests/e2e/hosting.test.mjs) read the same values and compare them with what nginx sends.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { attr, elements, hasAttr, readPage } from '../build/steps/html.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The app loader that Trunk injects is the `pattern_script` in Trunk.toml. Its text holds no file names (they
 * are in its data- attributes, which a CSP hash does not cover), so its sha256 is the same for every build and
 * the policy below is a constant that any host or CDN console can hold. Computed here from Trunk.toml, so
 * there is no hash to update by hand; the build checks that the built index.html carries exactly this script.
 */
export function loaderScriptText(trunkToml = readFileSync(join(ROOT, 'Trunk.toml'), 'utf8')) {
  const m = /^pattern_script\s*=\s*"""\n?([\s\S]*?)"""/m.exec(trunkToml);
  if (!m) throw new Error('Trunk.toml: no pattern_script = """…""" (the constant app loader the CSP hash is for)');
  const body = /^\s*<script\b[^>]*>([\s\S]*)<\/script>\s*$/.exec(m[1]);
  if (!body) throw new Error('Trunk.toml: pattern_script must be exactly one <script …>…</script> element');
  return body[1];
}

/** `'sha256-…'` of a script or style element's text, as CSP wants it. */
export function cspHash(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export const LOADER_HASH = cspHash(loaderScriptText());

/**
 * The policy, directive by directive. Nothing inline is allowed except the one loader script (by hash):
 * no 'unsafe-inline' for scripts or styles, no 'unsafe-eval' ('wasm-unsafe-eval' only lets WebAssembly compile).
 * The app sets styles only through classes and CSSOM (no style attributes), fetches only its own files.
 */
export const CSP_DIRECTIVES = [
  ['default-src', "'none'"],
  ['script-src', `'self' 'wasm-unsafe-eval' ${LOADER_HASH}`],
  ['style-src', "'self'"],
  ['img-src', "'self'"],
  ['connect-src', "'self'"],
  ['manifest-src', "'self'"],
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"], // header only: browsers ignore it (with a console error) in a <meta> policy
];

const META_UNSUPPORTED = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

export const CSP = CSP_DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');

/**
 * The policy for the <meta> (without what browsers ignore there). `devScriptHashes`: only for a debug build
 * served by `trunk serve`, whose live-reload script is inline (build/steps/security.mjs); never in a release.
 */
export function cspMeta({ devScriptHashes = [] } = {}) {
  return CSP_DIRECTIVES.filter(([k]) => !META_UNSUPPORTED.has(k))
    .map(([k, v]) => (k === 'script-src' && devScriptHashes.length ? [k, `${v} ${devScriptHashes.join(' ')}`] : [k, v]))
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
}
export const CSP_META = cspMeta();

/** Sent with every response (nginx: `always`, so error pages too). */
export const SECURITY_HEADERS = [
  ['Content-Security-Policy', CSP],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
];

/**
 * HTTP Strict Transport Security: browsers that saw it use only HTTPS for this host for two years (63072000 s;
 * the MDN HTTP Observatory wants at least six months). HTTPS only: RFC 6797 forbids it over plain HTTP, so it
 * is not among SECURITY_HEADERS, which deploy/nginx.conf sends over any scheme; it is in the HTTPS server of
 * deploy/nginx-https.conf and in _headers (Netlify and Cloudflare Pages serve the site over HTTPS). Neither
 * includeSubDomains nor preload: those bind every subdomain of the host, which is its owner's decision.
 */
export const HSTS = ['Strict-Transport-Security', 'max-age=63072000'];

export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_REVALIDATE = 'no-cache';

/**
 * The one definition of a file name that carries a content hash: Trunk's `name-<hash>.css/.js`, the app's
 * `name-<hash>_bg.wasm`, the joined stylesheet `app-<hash>.css` (and icons, if Trunk ever hashes them). Trunk
 * writes its 64-bit hash as unpadded hex, so 1 to 16 digits; 8 or more covers all but 1 in 4 billion builds.
 * Copies are generated, never kept by hand: dist/sw.js gets it as a literal (build/steps/pwa.mjs), and
 * deploy/nginx.conf's location uses its source as it is (PCRE reads this syntax too).
 */
export const HASHED_NAME = /-[0-9a-f]{8,16}(?:_bg)?\.(?:css|js|wasm|svg|png)$/;
/** The same rule for nginx (a location regex; hashed names are served for a year, everything else `no-cache`). */
export const NGINX_HASHED_LOCATION = HASHED_NAME.source;

/** Files that the host serves but that are not part of the app (not precached, never linked). */
export const NOT_APP_FILES = /(^|\/)(_headers|\.nojekyll)$|\.(br|gz)$/;

/** The service worker the build writes (build/steps/pwa.mjs; assets/sw-register.js registers ./sw.js). */
export const SW_FILE = 'sw.js';
/** What the finishing steps write into the build besides Trunk's files, and the host serves as the app's. */
const WRITTEN_BY_THE_BUILD = [SW_FILE];

/**
 * The URL paths of a build, as Netlify / Cloudflare Pages path patterns (`*` matches any characters), split by
 * how long they may be cached. They follow from the source index.html, not from one build's file list: every
 * stylesheet and the wasm are hashed (`/*.css`, `/*.wasm`), each script Trunk hashes by its stem
 * (`/boot-*.js`; never `/*.js`, which would catch sw.js), and what Trunk copies as it is (`rel="copy-file"`)
 * or the build writes (sw.js) is revalidated. The build checks that every file of dist/ matches exactly one of
 * them, and the right one (build/steps/headers.mjs).
 */
export function cachePaths(page = readPage(join(ROOT, 'index.html'))) {
  const immutable = new Set(['/*.css', '/*.wasm']);
  const revalidate = ['/', '/index.html', ...WRITTEN_BY_THE_BUILD.map((f) => `/${f}`)];
  const stem = (href) => basename(href).replace(/\.[^.]*$/, '');
  for (const el of elements(page, null, (e) => hasAttr(e, 'data-trunk'))) {
    const rel = el.tagName === 'script' ? 'script' : attr(el, 'rel');
    if (rel === 'script') immutable.add(`/${stem(attr(el, 'src'))}-*.js`);
    else if (rel === 'rust') {
      if (!attr(el, 'data-bin')) throw new Error('index.html: <link data-trunk rel="rust"> needs data-bin (the file-name stem of the app)');
      immutable.add(`/${attr(el, 'data-bin')}-*.js`);
    } else if (rel === 'copy-file' && !hasAttr(el, 'data-target-path')) revalidate.push(`/${basename(attr(el, 'href'))}`);
    else if (rel !== 'css') {
      throw new Error(`index.html: deploy/headers.mjs does not know the files of <link data-trunk rel="${rel}"> (cachePaths)`);
    }
  }
  return { immutable: [...immutable].sort(), revalidate };
}

/** The cache rules whose path pattern matches the build file `file` (a name in dist/). */
export function cacheRulesFor(file, paths = cachePaths()) {
  const matches = (pattern) => new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(`/${file}`);
  return [
    ...paths.immutable.filter(matches).map((p) => [p, CACHE_IMMUTABLE]),
    ...paths.revalidate.filter(matches).map((p) => [p, CACHE_REVALIDATE]),
  ];
}

/**
 * deploy/_headers (Netlify / Cloudflare Pages). Both hosts merge every rule that matches a path, so
 * Cache-Control is never matched twice (see cachePaths). Paths are from the site root: when dist/ is
 * published under a sub-path, prefix each path with it. (Any argument is ignored: the rules follow from the
 * source, not from one build's files.)
 */
export function netlifyHeaders() {
  const { immutable, revalidate } = cachePaths();
  const block = (path, headers) => `${path}\n${headers.map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`;
  return [
    '# Generated from deploy/headers.mjs by `make deploy-config` (edit that, then run it); the build checks it.',
    '# Netlify / Cloudflare Pages: this file is dist/_headers, published with the site. Paths are from the site',
    '# root; if dist/ is published under a sub-path, prefix every path with it.',
    block('/*', [...SECURITY_HEADERS, HSTS]),
    ...immutable.map((p) => block(p, [['Cache-Control', CACHE_IMMUTABLE]])),
    ...revalidate.map((p) => block(p, [['Cache-Control', CACHE_REVALIDATE]])),
  ].join('\n');
}

/** deploy/nginx-https.conf with its HSTS lines (`add_header Strict-Transport-Security …`) as HSTS says. */
export function nginxHttpsConf(conf) {
  const line = /^(\s*)add_header Strict-Transport-Security\b[^\n]*$/gm;
  if (!line.test(conf)) throw new Error('deploy/nginx-https.conf has no `add_header Strict-Transport-Security` line');
  return conf.replace(line, (_, indent) => `${indent}add_header ${HSTS[0]} "${HSTS[1]}" always;`);
}

/** The generated part of deploy/nginx.conf (between its BEGIN/END markers): caching and every header. */
export function nginxHeaderBlock() {
  const q = (v) => `"${v.replace(/["\\]/g, '\\$&')}"`;
  return [
    `set $web_infra_cache ${q(CACHE_REVALIDATE)};`,
    `location ~ "${NGINX_HASHED_LOCATION}" {`, // as it is: nginx reads \. in a quoted string as \.
    `    set $web_infra_cache ${q(CACHE_IMMUTABLE)};`,
    '}',
    'add_header Cache-Control $web_infra_cache always;',
    ...SECURITY_HEADERS.map(([k, v]) => `add_header ${k} ${q(v)} always;`),
  ].join('\n');
}
