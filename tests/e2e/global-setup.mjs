// Playwright global setup: ONE nginx for the whole run, serving two sites under /a/b/web-infra/ with the repo's
// deploy/nginx.conf, each on its own port with its own access log:
// - `main`: the build under test (dist/, or E2E_DIST), never written to;
// - `scratch`: a copy of it that the offline tests redeploy (fixtures.mjs resets it before each of them).
// The workers find both in E2E_SITES (fixtures.mjs). The function it returns is the global teardown.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, startSites } from './server.mjs';

export default async function globalSetup() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html does not exist: build dist/ first (make build)`);
  const scratchDir = mkdtempSync(join(tmpdir(), 'e2e-scratch-'));
  const scratch = join(scratchDir, 'site');
  cpSync(DIST, scratch, { recursive: true });
  const nginx = await startSites({ main: DIST, scratch });
  process.env.E2E_SITES = JSON.stringify(nginx.sites);
  return async () => {
    await nginx.stop();
    rmSync(scratchDir, { recursive: true, force: true });
  };
}
