// Small file helpers shared by the build steps.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `dir`, as sorted '/'-separated paths relative to it. */
export function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath ?? d.path, d.name)).split('\\').join('/'))
    .sort();
}

/** Subresource-integrity value (`sha384-…`) of some bytes. */
export const integrity = (buf, alg = 'sha384') => `${alg}-${createHash(alg).update(buf).digest('base64')}`;

/**
 * The build file a page URL names (`./name.css` → `name.css`), which must be a relative URL to a file that
 * exists in `dir`: the build works under any sub-path, and everything it loads is its own.
 */
export function localFile(dir, url, what) {
  if (!url || /^([a-z][a-z0-9+.-]*:|\/|\.\.)/i.test(url)) throw new Error(`${what} "${url}": not a relative URL of a file of the build`);
  const file = url.replace(/^\.\//, '').replace(/[?#].*$/, '');
  if (!existsSync(join(dir, file))) throw new Error(`${what} "${url}": ${file} is not in ${dir}`);
  return file;
}
