#!/usr/bin/env node
// `make deploy-config`: rewrites deploy/_headers and the generated block of deploy/nginx.conf from
// deploy/headers.mjs (and the source index.html, which says which files are hashed). Needs no build.
//   node build/deploy-config.mjs           write them
//   node build/deploy-config.mjs --check   only say whether they are current (exit 1 if not)
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ROOT } from './finish.mjs';
import { deployFiles } from './steps/headers.mjs';

const check = process.argv.includes('--check');
let stale = 0;
for (const { path, now, wanted } of deployFiles(ROOT)) {
  const name = relative(ROOT, path);
  if (now === wanted) {
    process.stdout.write(`[deploy-config] ${name}: current\n`);
  } else if (check) {
    process.stderr.write(`[deploy-config] ${name}: differs from deploy/headers.mjs (run \`make deploy-config\`)\n`);
    stale += 1;
  } else {
    writeFileSync(path, wanted);
    process.stdout.write(`[deploy-config] ${name}: written\n`);
  }
}
if (stale) process.exitCode = 1;
