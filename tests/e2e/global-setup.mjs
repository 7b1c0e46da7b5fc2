// Playwright global setup: ONE nginx for the whole run, serving the sites under /a/b/web-infra/ with the repo's
// deploy/nginx.conf, each on its own port with its own access log:
// - `main`: the build under test (dist/, or E2E_DIST), never written to;
// - `scratch`: a copy of it that the offline tests redeploy (fixtures.mjs resets it before each of them);
// - `faults`: another such copy, for the service-worker tests of faults.test.mjs, which run at the same time as
//   offline.test.mjs (each file's tests run in order on its own site);
// - `https`: the build again, as deploy/nginx-https.conf serves it (HTTPS with HSTS, HTTP redirecting to it) on ports
//   443 and 80 of a loopback address of its own, with a self-signed certificate made for the run (https.test.mjs).
// The workers find them in E2E_SITES (fixtures.mjs). The function it returns is the global teardown.
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
  const nginx = await startSites({ main: DIST, scratch, faults }, { https: DIST });
  process.env.E2E_SITES = JSON.stringify(nginx.sites);
  return async () => {
    await nginx.stop();
    rmSync(scratchDir, { recursive: true, force: true });
  };
}
