#!/usr/bin/env node
// Kept for callers of the old post-pass (the e2e tests simulate a new deploy with it): the same as
//   node build/finish.mjs DIR [--no-single]
// which re-runs the build's finishing steps (build/steps/) on an already built directory.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const finish = join(dirname(fileURLToPath(import.meta.url)), '../build/finish.mjs');
const { status } = spawnSync(process.execPath, [finish, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = status ?? 1;
