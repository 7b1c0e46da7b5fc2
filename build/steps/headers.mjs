// Step "headers": the host configuration from deploy/headers.mjs.
//  - writes _headers (Netlify / Cloudflare Pages) into the build;
//  - checks that every file of the build gets exactly one Cache-Control rule, and the right one (immutable for a
//    hashed name, revalidated otherwise): the rules follow from the source index.html, not from a file list;
//  - warns when the committed deploy/_headers, deploy/nginx.conf's generated block or deploy/nginx-https.conf's
//    HSTS lines differ from deploy/headers.mjs (`make deploy-config` rewrites them without a build:
//    build/deploy-config.mjs).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CACHE_IMMUTABLE, HASHED_NAME, NOT_APP_FILES, cachePaths, cacheRulesFor, netlifyHeaders, nginxHeaderBlock, nginxHttpsConf,
} from '../../deploy/headers.mjs';
import { listFiles } from './files.mjs';

const NGINX_BLOCK = /(# BEGIN headers[^\n]*\n)([\s\S]*?)(# END headers)/;

/** The committed host files as deploy/headers.mjs says they should be: [{ path, now, wanted }]. */
export function deployFiles(root) {
  const nginxPath = join(root, 'deploy/nginx.conf');
  const nginx = readFileSync(nginxPath, 'utf8');
  if (!NGINX_BLOCK.test(nginx)) throw new Error('deploy/nginx.conf lost its "# BEGIN headers" / "# END headers" markers');
  const headersPath = join(root, 'deploy/_headers');
  const httpsPath = join(root, 'deploy/nginx-https.conf');
  const https = readFileSync(httpsPath, 'utf8');
  return [
    { path: headersPath, now: existsSync(headersPath) ? readFileSync(headersPath, 'utf8') : null, wanted: netlifyHeaders() },
    { path: nginxPath, now: nginx, wanted: nginx.replace(NGINX_BLOCK, (_, begin, _old, end) => `${begin}${nginxHeaderBlock()}\n${end}`) },
    { path: httpsPath, now: https, wanted: nginxHttpsConf(https) },
  ];
}

/** Every file of the build matched by exactly one Cache-Control rule, immutable exactly when its name is hashed. */
export function cacheProblems(files, paths = cachePaths()) {
  const problems = [];
  for (const f of files.filter((x) => !NOT_APP_FILES.test(x))) {
    const rules = cacheRulesFor(f, paths);
    if (f.includes('/')) problems.push(`${f}: in a sub-folder, which the header rules do not cover`);
    else if (rules.length !== 1) problems.push(`${f}: ${rules.length} Cache-Control rules match (${rules.map(([p]) => p).join(', ') || 'none'})`);
    else if ((rules[0][1] === CACHE_IMMUTABLE) !== HASHED_NAME.test(f)) {
      problems.push(`${f}: rule ${rules[0][0]} says "${rules[0][1]}", but the name is ${HASHED_NAME.test(f) ? '' : 'not '}hashed`);
    }
  }
  return problems;
}

export function headers({ dir, root, warn }) {
  writeFileSync(join(dir, '_headers'), netlifyHeaders());
  const problems = cacheProblems(listFiles(dir));
  if (problems.length) throw new Error(`the cache rules of deploy/headers.mjs (cachePaths) do not fit this build:\n  ${problems.join('\n  ')}`);
  for (const { path, now, wanted } of deployFiles(root)) {
    if (now !== wanted) warn(`${path.slice(root.length + 1)} differs from deploy/headers.mjs: run \`make deploy-config\` and commit deploy/`);
  }
  return '_headers written; every file has one cache rule';
}
