// Step "single" (release only): the single-file edition, one self-contained HTML file that opens from file://
// with no network: the CSS in one <style>, boot.js inline, and the app as one inline module (esbuild bundles
// the wasm-bindgen glue with a start from the wasm carried as base64 in a data block). No service worker, no
// manifest (neither works from a file). Its own CSP: hashes of its inline elements, 'wasm-unsafe-eval', images
// only from data: URLs, nothing fetched.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import zlib from 'node:zlib';
import { buildSync } from 'esbuild';
import { cspHash } from '../../deploy/headers.mjs';
import {
  append, appLoader, attr, body, element, elements, hasAttr, head, insertLineAfter, one, readPage, relHas, removeLine, replace,
  serialize, setAttr, setText, textOf,
} from './html.mjs';
import { localFile } from './files.mjs';

export const SINGLE_NAME = 'web-infra-evolution.html';
/** Scripts (by file-name stem) that only make sense on a host: the service worker registration. */
const HOSTED_ONLY = ['sw-register'];
const MIME = { '.svg': 'image/svg+xml', '.png': 'image/png' };

/**
 * The app as one ES module: the glue's default export (its init function) started from the embedded bytes. With
 * `tools` ({ glue, dataId }: the tools' glue and the id of their embedded wasm), the loader's `wieTools` too, which
 * starts the tools from their bytes on first use, as the hosted page's loader does from their file.
 */
export function bundleApp(dir, glueFile, dataId, tools = null) {
  const entry = [
    `import init from ${JSON.stringify(`./${glueFile}`)};`,
    ...(tools ? [`import * as tools from ${JSON.stringify(`./${tools.glue}`)};`] : []),
    'function bytesOf(id) {',
    '  const b64 = document.getElementById(id).textContent.trim();',
    '  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(b64);',
    '  const bin = atob(b64); const bytes = new Uint8Array(bin.length); for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);',
    '  return bytes;',
    '}',
    ...(tools ? [
      'let ready = null;',
      `window.wieTools = (name, ...args) => (ready || (ready = tools.default({ module_or_path: bytesOf(${JSON.stringify(tools.dataId)}) })))`,
      '  .then(() => tools[name](...args));',
    ] : []),
    `await init({ module_or_path: bytesOf(${JSON.stringify(dataId)}) });`,
  ].join('\n');
  try {
    const { outputFiles } = buildSync({
      stdin: { contents: entry, resolveDir: dir, sourcefile: 'single-file-start.js', loader: 'js' },
      bundle: true, format: 'esm', minify: true, legalComments: 'none', write: false, logLevel: 'silent',
    });
    return outputFiles[0].text;
  } catch (e) {
    const detail = e.errors?.map((x) => x.text).join('; ') ?? e.message;
    throw new Error(`cannot bundle ${glueFile} for the single file (${detail}): the single file needs the ` +
      'wasm-bindgen glue to be an ES module whose default export is its init function (`init({ module_or_path })`); ' +
      'has wasm-bindgen changed?');
  }
}

/** Text that can sit inside a <script> or <style> element as it is. */
function rawText(text, what) {
  if (/<\/(script|style)|<!--/i.test(text)) throw new Error(`${what} contains "</script", "</style" or "<!--": it cannot be inlined`);
  return text;
}

export function single({ dir, out }) {
  const doc = readPage(join(dir, 'index.html'));
  const file = (url, what) => readFileSync(join(dir, localFile(dir, url, what)));

  // What a file cannot use: the policy of the hosted page, the manifest, preloads.
  for (const el of elements(doc, 'meta', (e) => (attr(e, 'http-equiv') ?? '').toLowerCase() === 'content-security-policy')) removeLine(el);
  for (const rel of ['manifest', 'apple-touch-icon', 'modulepreload', 'preload']) {
    for (const el of elements(doc, 'link', (e) => relHas(e, rel))) removeLine(el);
  }

  // The stylesheets, in order, become one <style> where the first one was.
  const sheets = elements(doc, 'link', (e) => relHas(e, 'stylesheet'));
  const css = rawText(sheets.map((el) => file(attr(el, 'href'), 'stylesheet').toString('utf8').trim()).join('\n'), 'the CSS');
  const style = element('style');
  setText(style, css);
  replace(sheets[0], style);
  for (const el of sheets.slice(1)) removeLine(el);

  // The icon as a data: URL.
  for (const el of elements(doc, 'link', (e) => relHas(e, 'icon'))) {
    const href = attr(el, 'href');
    setAttr(el, 'href', `data:${MIME[extname(localFile(dir, href, 'icon'))]};base64,${file(href, 'icon').toString('base64')}`);
  }

  // Classic scripts inline (except the hosted-only ones).
  const inlineScripts = [];
  for (const el of elements(doc, 'script', (e) => hasAttr(e, 'src'))) {
    const src = attr(el, 'src');
    if (HOSTED_ONLY.some((stem) => basename(src).startsWith(`${stem}-`))) {
      removeLine(el);
      continue;
    }
    if (attr(el, 'type') === 'module') throw new Error(`${src}: a module script; the single file inlines classic scripts only`);
    const script = element('script');
    setText(script, rawText(file(src, 'script').toString('utf8'), src));
    inlineScripts.push(textOf(script));
    replace(el, script);
  }

  // The app loader becomes the bundled app, started from the wasm embedded at the end of <body>.
  const loader = appLoader(doc);
  const dataId = 'wasm-base64';
  const app = element('script', { type: 'module' });
  // The tools' wasm (build/steps/tools.mjs) rides along in a data block of its own, started when first used.
  const tools = { glue: localFile(dir, attr(loader, 'data-tools-js'), 'data-tools-js'), dataId: 'tools-base64' };
  setText(app, rawText(bundleApp(dir, localFile(dir, attr(loader, 'data-js'), 'data-js'), dataId, tools), 'the bundled app'));
  replace(loader, app);
  for (const [id, url, what] of [[dataId, attr(loader, 'data-wasm'), 'data-wasm'], [tools.dataId, attr(loader, 'data-tools-wasm'), 'data-tools-wasm']]) {
    const data = element('script', { type: 'application/octet-stream', id });
    setText(data, `\n${file(url, what).toString('base64')}\n`);
    append(body(doc), data);
  }

  const csp = [
    "default-src 'none'",
    `script-src 'wasm-unsafe-eval' ${[...inlineScripts, textOf(app)].map(cspHash).join(' ')}`,
    `style-src ${cspHash(css)}`,
    'img-src data:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const charset = one(head(doc), 'meta', (e) => hasAttr(e, 'charset'), '<meta charset>');
  insertLineAfter(element('meta', { 'http-equiv': 'Content-Security-Policy', content: csp }), charset);

  const page = serialize(doc);
  mkdirSync(out, { recursive: true });
  const path = join(out, SINGLE_NAME);
  writeFileSync(path, page);
  const br = zlib.brotliCompressSync(Buffer.from(page), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return `${path}: ${Buffer.byteLength(page)} bytes raw, ${br} bytes brotli`;
}
