// Playwright global setup: ONE nginx for the whole run, serving two sites under /a/b/web-infra/ with the repo's
// deploy/nginx.conf, each on its own port with its own access log:
// - `main`: the build under test (dist/, or E2E_DIST), never written to;
// - `scratch`: a copy of it that the offline tests redeploy (fixtures.mjs resets it before each of them);
// - `faults`: another such copy, for the service-worker tests of faults.test.mjs, which run at the same time as
//   offline.test.mjs (each file's tests run in order on its own site).
// The workers find both in E2E_SITES (fixtures.mjs). The function it returns is the global teardown.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, startSites } from './server.mjs';

export default async function globalSetup() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html does not exist: build dist/ first (make build)`);
  const scratchDir = mkdtempSync(join(tmpdir(), 'e2e-scratch-'));
  const scratch = join(scratchDir, 'site');
  const faults = join(scratchDir, 'faults');
  cpSync(DIST, scratch, { recursive: true });
  cpSync(DIST, faults, { recursive: true });
  const nginx = await startSites({ main: DIST, scratch, faults });
  process.env.E2E_SITES = JSON.stringify(nginx.sites);
  return async () => {
    await nginx.stop();
    rmSync(scratchDir, { recursive: true, force: true });
  };
}
