// The one source of the HTTP response headers: the Content-Security-Policy, the other security headers and the
// caching rules. scripts/postbuild.mjs turns it into
//   - the <meta http-equiv="Content-Security-Policy"> in dist/index.html (for hosts that cannot set headers),
//   - deploy/_headers and dist/_headers (Netlify / Cloudflare Pages),
//   - the header block of deploy/nginx.conf,
// and fails the build if a committed file in deploy/ disagrees (`make deploy-config` rewrites them).
// The e2e tests (tests/e2e/hosting.test.mjs) read the same values and compare them with what nginx sends.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The app loader that Trunk injects is the `pattern_script` in Trunk.toml. Its text holds no file names (they
 * are in its data- attributes, which a CSP hash does not cover), so its sha256 is the same for every build and
 * the policy below is a constant that any host or CDN console can hold. Computed here from Trunk.toml, so
 * there is no hash to update by hand; postbuild checks that the built index.html carries exactly this script.
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
export const CSP_META = CSP_DIRECTIVES.filter(([k]) => !META_UNSUPPORTED.has(k)).map(([k, v]) => `${k} ${v}`).join('; ');

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

export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_REVALIDATE = 'no-cache';

/**
 * A file name that carries a content hash: Trunk's `name-<hash>.ext` (and `…_bg.wasm`), and our icons. Trunk writes
 * its 64-bit hash as unpadded hex, so 1 to 16 digits; 8 or more covers all but 1 in 4 billion builds.
 */
export const HASHED_NAME = /-[0-9a-f]{8,16}(?:_bg)?\.[a-z0-9]+$/;
/** The same rule for nginx (a location regex; hashed names are served for a year, everything else `no-cache`). */
export const NGINX_HASHED_LOCATION = '-[0-9a-f]{8,16}(_bg)?\\.(css|js|wasm|svg|png)$';

/** Files that the host serves but that are not part of the app (not precached, never linked). */
export const NOT_APP_FILES = /(^|\/)(_headers|\.nojekyll)$|\.(br|gz)$/;

/**
 * deploy/_headers (Netlify / Cloudflare Pages) for the file names in a build. Both hosts merge every rule that
 * matches a path, so Cache-Control must never be matched twice: the immutable rules name extensions whose files
 * are all hashed (`/*.wasm`) or the stem of each hashed file (`/boot-*`), never `/*.js` (that would catch sw.js).
 * Paths are from the site root: when dist/ is published under a sub-path, prefix each path with it.
 */
export function netlifyHeaders(files) {
  const names = files.filter((f) => !f.includes('/') && !NOT_APP_FILES.test(f)).sort();
  const byExt = new Map();
  for (const f of names) {
    const ext = f.slice(f.lastIndexOf('.') + 1);
    if (!byExt.has(ext)) byExt.set(ext, []);
    byExt.get(ext).push(f);
  }
  const immutable = new Set();
  for (const [ext, list] of byExt) {
    const hashed = list.filter((f) => HASHED_NAME.test(f));
    if (hashed.length === 0) continue;
    if (hashed.length === list.length) immutable.add(`/*.${ext}`);
    else for (const f of hashed) immutable.add(`/${f.replace(HASHED_NAME, '')}-*`);
  }
  const revalidate = ['/', '/index.html', ...names.filter((f) => !HASHED_NAME.test(f) && f !== 'index.html').map((f) => `/${f}`)];
  const block = (path, headers) => `${path}\n${headers.map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`;
  return [
    '# Generated by scripts/postbuild.mjs from deploy/headers.mjs (edit that, then `make deploy-config`).',
    '# Netlify / Cloudflare Pages: this file is dist/_headers, published with the site. Paths are from the site',
    '# root; if dist/ is published under a sub-path, prefix every path with it.',
    block('/*', SECURITY_HEADERS),
    ...[...immutable].sort().map((p) => block(p, [['Cache-Control', CACHE_IMMUTABLE]])),
    ...revalidate.map((p) => block(p, [['Cache-Control', CACHE_REVALIDATE]])),
  ].join('\n');
}

/** The generated part of deploy/nginx.conf (between its BEGIN/END markers). */
export function nginxHeaderBlock() {
  const q = (v) => `"${v.replace(/["\\]/g, '\\$&')}"`;
  return [
    `add_header Cache-Control $web_infra_cache always;`,
    ...SECURITY_HEADERS.map(([k, v]) => `add_header ${k} ${q(v)} always;`),
  ].join('\n');
}
