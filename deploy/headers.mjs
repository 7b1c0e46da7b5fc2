// The one source of the HTTP response headers: the Content-Security-Policy, the other security headers and the
// caching rules (with the one definition of a hashed file name). From it come
//   - the <meta http-equiv="Content-Security-Policy"> in dist/index.html (build/steps/security.mjs), for hosts
//     that cannot set headers,
//   - deploy/_headers and dist/_headers (Netlify / Cloudflare Pages), the generated block of deploy/nginx.conf
//     and the HSTS lines of deploy/nginx-https.conf (`make deploy-config`: build/deploy-config.mjs; the build
//     warns when they drift),
//   - the hashed-name test in dist/sw.js (build/steps/pwa.mjs).
// Two variants: the app's headers (framing refused), and those of the embed entry embed.html (framing allowed:
// EMBED_FRAME_ANCESTORS, no X-Frame-Options; everything else the same).
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
 * The embed entry: embed.html, beside index.html (build/steps/embed.mjs writes it: the same page with
 * `<html data-embed>`), the one page other sites may put in an <iframe> (docs/embed.md).
 */
export const EMBED_FILE = 'embed.html';
/**
 * Who may frame the embed: the source list of its `frame-ancestors`. `*` is any http(s) page. A host that wants
 * only its own sites lists their origins instead (e.g. "https://blog.example.org https://example.org"), then runs
 * `make deploy-config` (docs/embed.md).
 */
export const EMBED_FRAME_ANCESTORS = '*';
/** The embed's policy: the app's, with only frame-ancestors changed. */
export const EMBED_CSP = CSP_DIRECTIVES.map(([k, v]) => `${k} ${k === 'frame-ancestors' ? EMBED_FRAME_ANCESTORS : v}`).join('; ');

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

/** The headers that refuse framing, which the embed entry sends otherwise (CSP) or not at all (X-Frame-Options). */
export const FRAME_HEADERS = ['Content-Security-Policy', 'X-Frame-Options'];

/** The embed entry's headers: SECURITY_HEADERS with its own CSP and without X-Frame-Options (which has no "any"). */
export const EMBED_SECURITY_HEADERS = SECURITY_HEADERS
  .filter(([k]) => k !== 'X-Frame-Options')
  .map(([k, v]) => [k, k === 'Content-Security-Policy' ? EMBED_CSP : v]);

/** The security headers a build file is served with (a name in dist/). */
export const securityHeadersFor = (file) => (file === EMBED_FILE ? EMBED_SECURITY_HEADERS : SECURITY_HEADERS);

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
const WRITTEN_BY_THE_BUILD = [EMBED_FILE, SW_FILE];

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
 * The paths under which Netlify and Cloudflare Pages serve the embed entry: its file name, and the same without
 * `.html` (Cloudflare Pages redirects /embed.html to /embed; Netlify also serves /embed from embed.html).
 */
export const EMBED_PATHS = [`/${EMBED_FILE}`, `/${EMBED_FILE.replace(/\.html$/, '')}`];

/**
 * deploy/_headers (Netlify / Cloudflare Pages). Both hosts apply every rule that matches a path, so
 * Cache-Control is never matched twice (see cachePaths). Paths are from the site root: when dist/ is
 * published under a sub-path, prefix each path with it. (Any argument is ignored: the rules follow from the
 * source, not from one build's files.)
 *
 * The embed: `/*` refuses framing for every path (also those no rule names, such as the host's 404 page or
 * aliases of index.html), and the embed's own rules, after it, take that back for EMBED_PATHS only: `! Name`
 * lines (Cloudflare Pages' syntax, exactly one space after the `!`) detach what `/*` set, then comes the embed's
 * CSP. Cloudflare Pages applies the matching rules in file order, each rule's detaches before its headers, and keeps
 * only the last rule of a path: so each path has one rule here. Netlify's parser skips lines without a colon;
 * there the later rule's CSP must replace the one of `/*`: a host that sends both instead (two policies, both
 * enforced) keeps the embed unframable, which fails closed (docs/embed.md says what to do then).
 */
export function netlifyHeaders() {
  const { immutable, revalidate } = cachePaths();
  const line = ([k, v]) => (v == null ? `  ! ${k}` : `  ${k}: ${v}`);
  const block = (path, headers) => `${path}\n${headers.map(line).join('\n')}\n`;
  const app = new Map(SECURITY_HEADERS);
  const embed = new Map(EMBED_SECURITY_HEADERS);
  if ([...app].some(([k, v]) => embed.get(k) !== v && !FRAME_HEADERS.includes(k))) {
    throw new Error('deploy/headers.mjs: the embed may differ from the app only in FRAME_HEADERS');
  }
  const embedHeaders = [
    ['Cache-Control', CACHE_REVALIDATE],
    ...FRAME_HEADERS.map((k) => [k, null]),
    ...FRAME_HEADERS.filter((k) => embed.has(k)).map((k) => [k, embed.get(k)]),
  ];
  return [
    '# Generated from deploy/headers.mjs by `make deploy-config` (edit that, then run it); the build checks it.',
    '# Netlify / Cloudflare Pages: this file is dist/_headers, published with the site. Paths are from the site',
    '# root; if dist/ is published under a sub-path, prefix every path with it.',
    block('/*', [...SECURITY_HEADERS, HSTS]),
    ...immutable.map((p) => block(p, [['Cache-Control', CACHE_IMMUTABLE]])),
    ...revalidate.filter((p) => !EMBED_PATHS.includes(p)).map((p) => block(p, [['Cache-Control', CACHE_REVALIDATE]])),
    '# The embed entry (docs/embed.md), under its two names: other sites may frame it. `! Name` takes back what /*',
    '# set (Cloudflare Pages); its own CSP follows.',
    ...EMBED_PATHS.map((p) => block(p, embedHeaders)),
  ].join('\n');
}

/** deploy/nginx-https.conf with its HSTS lines (`add_header Strict-Transport-Security …`) as HSTS says. */
export function nginxHttpsConf(conf) {
  const line = /^(\s*)add_header Strict-Transport-Security\b[^\n]*$/gm;
  if (!line.test(conf)) throw new Error('deploy/nginx-https.conf has no `add_header Strict-Transport-Security` line');
  return conf.replace(line, (_, indent) => `${indent}add_header ${HSTS[0]} "${HSTS[1]}" always;`);
}

/**
 * What differs between the locations of deploy/nginx.conf's generated block, as nginx variables: the cache rule,
 * and the two framing headers (an empty value: nginx sends no such header). Every location sets all of them: a
 * nested location that matches runs its own `set` lines only, not those of the location around it. (A location
 * with an add_header of its own would instead lose every add_header around it, among them deploy/nginx-https.conf's
 * HSTS.)
 */
const NGINX_VARS = ['$web_infra_cache', '$web_infra_frame_ancestors', '$web_infra_frame_options'];
const frameAncestors = (csp) => /(?:^|; )frame-ancestors ([^;]*)/.exec(csp)[1];
function nginxValues(cache, headers) {
  const h = new Map(headers);
  return [cache, frameAncestors(h.get('Content-Security-Policy')), h.get('X-Frame-Options') ?? ''];
}

/** The generated part of deploy/nginx.conf (between its BEGIN/END markers): caching and every header. */
export function nginxHeaderBlock() {
  const q = (v) => `"${v.replace(/["\\]/g, '\\$&')}"`;
  const sets = (values, indent = '') => NGINX_VARS.map((name, i) => `${indent}set ${name} ${q(values[i])};`);
  const app = nginxValues(CACHE_REVALIDATE, SECURITY_HEADERS);
  const location = (match, values, extra = []) => [`location ~ ${match} {`, ...sets(values, '    '), ...extra, '}'];
  const header = ([k, v]) => {
    if (k === 'Cache-Control') return `add_header ${k} ${NGINX_VARS[0]} always;`;
    if (k === 'X-Frame-Options') return `add_header ${k} ${NGINX_VARS[2]} always;`;
    if (k === 'Content-Security-Policy') {
      return `add_header ${k} ${q(v.replace(/((?:^|; )frame-ancestors )[^;]*/, `$1${NGINX_VARS[1]}`))} always;`;
    }
    return `add_header ${k} ${q(v)} always;`;
  };
  return [
    ...sets(app),
    '# The Netlify/Cloudflare header file is not part of the app.',
    ...location('/_headers$', app, ['    return 404;']),
    ...location(`"${NGINX_HASHED_LOCATION}"`, nginxValues(CACHE_IMMUTABLE, SECURITY_HEADERS)), // as it is: nginx reads \. in a quoted string as \.
    `# The embed entry (docs/embed.md): other sites may frame it.`,
    ...location(`"/${EMBED_FILE.replace(/\./g, '\\.')}$"`, nginxValues(CACHE_REVALIDATE, EMBED_SECURITY_HEADERS)),
    ...[['Cache-Control', null], ...SECURITY_HEADERS].map(header),
  ].join('\n');
}
