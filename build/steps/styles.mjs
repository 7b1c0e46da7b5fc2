// Step "styles": one stylesheet instead of Trunk's one per source file (every request costs a round trip on a
// slow network, and HTTP/1.1 opens only six connections). The stylesheets are joined in their order into
// app-<hash>.css where the first one was linked: the same rules in the same order, so the cascade is unchanged.
// In a release build the result is minified (esbuild). Its integrity is set by the security step.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { attr, element, elements, relHas, removeLine, replace } from './html.mjs';
import { localFile } from './files.mjs';

export const minifyCss = (css) => transformSync(css, { loader: 'css', minify: true, legalComments: 'none' }).code;

export function styles({ doc, dir, release }) {
  const links = elements(doc, 'link', (el) => relHas(el, 'stylesheet'));
  if (links.length === 0) throw new Error('index.html links no stylesheet');
  const files = links.map((el) => localFile(dir, attr(el, 'href'), 'stylesheet'));
  if (links.length === 1) {
    // Already one (a second run, or a single source file): only minify it in place.
    if (!release) return 'one stylesheet already';
    const path = join(dir, files[0]);
    const source = readFileSync(path, 'utf8');
    const code = minifyCss(source);
    if (code.length < source.length) writeFileSync(path, code);
    return `${files[0]}: one stylesheet already${code.length < source.length ? ', minified' : ''}`;
  }
  const joined = files.map((f) => readFileSync(join(dir, f), 'utf8').trim()).join('\n');
  const css = release ? minifyCss(joined) : `${joined}\n`;
  const name = `app-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  writeFileSync(join(dir, name), css);
  for (const f of files) if (f !== name) rmSync(join(dir, f));
  replace(links[0], element('link', { rel: 'stylesheet', href: `./${name}` }));
  for (const el of links.slice(1)) removeLine(el);
  return `${files.length} stylesheets joined into ${name}${release ? ' (minified)' : ''}`;
}
