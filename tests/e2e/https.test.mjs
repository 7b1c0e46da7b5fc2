// HTTPS as deploy/nginx-https.conf sets it up (issue 10): the build served by the suite's nginx from that file (a
// copy with this machine's addresses, certificate and paths: server.mjs httpsSiteConf), scanned by the MDN HTTP
// Observatory (npm @mdn/mdn-http-observatory, its own scan() in a child process that trusts the test certificate),
// plus what the grade does not look at: the redirect keeps the sub-path and the query, HSTS is on every HTTPS
// answer (the app's files, the server's own redirect and 404) and never over plain HTTP.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test, expect } from './fixtures.mjs';
import { ROOT, SUB_PATH } from './server.mjs';
import { CSP, EMBED_FILE, HSTS, SECURITY_HEADERS, securityHeadersFor } from '../../deploy/headers.mjs';

const OBSERVATORY = join(ROOT, 'node_modules/@mdn/mdn-http-observatory');
/** The Observatory reads the HSTS preload list from its own folder; scripts/setup.sh writes an empty one there. */
const PRELOAD_LIST = join(OBSERVATORY, 'conf/hsts-preload.json');

/**
 * The Observatory's scan() of `target` (host and path, as its CLI takes a host name), in a child process: Node reads
 * NODE_EXTRA_CA_CERTS (the certificates to trust besides its own) only when it starts. Its CLI wrapper would point
 * that variable at a bundle inside node_modules instead.
 */
async function observatory(target, ca) {
  const code = `
    import { scan } from '@mdn/mdn-http-observatory';
    const r = await scan(process.argv[1]);
    process.stdout.write(JSON.stringify({ scan: r.scan, tests: r.tests }));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', code, target], {
    cwd: ROOT, env: { ...process.env, NODE_EXTRA_CA_CERTS: ca }, timeout: 30_000,
  });
  return JSON.parse(stdout);
}

/** One request over HTTPS trusting only the test certificate: { status, headers }. */
const httpsHead = (url, ca) => new Promise((ok, fail) => {
  const req = request(url, { method: 'GET', ca: readFileSync(ca) }, (res) => {
    res.resume();
    res.on('end', () => ok({ status: res.statusCode, headers: res.headers }));
  });
  req.on('error', fail);
  req.end();
});

test('HTTPS (deploy/nginx-https.conf): the MDN HTTP Observatory grades it A+, every test passes; the redirect keeps the path, HSTS on every HTTPS answer only', async ({ sites }, testInfo) => {
  const site = sites.https;
  if (site?.unavailable) throw new Error(`the HTTPS site could not be served: ${site.unavailable}`);
  expect(site?.url, 'global setup serves the HTTPS site').toBeTruthy();
  expect(existsSync(PRELOAD_LIST), `${PRELOAD_LIST} (run scripts/setup.sh: the package's own install step downloads it, and is not run)`).toBe(true);

  const result = await observatory(`${site.host}${SUB_PATH}`, site.ca);
  await testInfo.attach('observatory.json', { body: JSON.stringify(result, null, 2), contentType: 'application/json' });
  const summary = Object.fromEntries(Object.entries(result.tests).map(([name, t]) => [name, `${t.pass ? 'pass' : 'FAIL'} ${t.result} (${t.scoreModifier})`]));
  console.log(`Observatory: ${result.scan.grade} (${result.scan.score}), ${result.scan.testsPassed}/${result.scan.testsQuantity} tests passed\n${JSON.stringify(summary, null, 2)}`);
  expect(result.tests.redirection, 'HTTP answers with one redirect, to HTTPS on the same host').toMatchObject({
    pass: true, result: 'redirection-to-https', route: [site.httpUrl, site.url],
  });
  expect(result.tests['strict-transport-security'], 'HSTS for at least six months (deploy/headers.mjs HSTS)').toMatchObject({
    pass: true, result: 'hsts-implemented-max-age-at-least-six-months', maxAge: Number(/max-age=(\d+)/.exec(HSTS[1])[1]),
  });
  expect(Object.entries(result.tests).filter(([, t]) => !t.pass).map(([name]) => summary[name] ?? name), 'no failed test').toEqual([]);
  expect(result.scan, 'A+').toMatchObject({ grade: 'A+', testsFailed: 0, statusCode: 200 });
  expect(result.scan.score, 'A+ is 100 and more').toBeGreaterThanOrEqual(100);

  // The redirect keeps the sub-path and the query (a shared link with ?lang= or an old bookmark lands where it should).
  const deep = await fetch(`${site.httpUrl}index.html?lang=en`, { redirect: 'manual' });
  expect(deep.status).toBe(301);
  expect(deep.headers.get('location')).toBe(`${site.url}index.html?lang=en`);
  expect(deep.headers.get('strict-transport-security'), 'no HSTS over plain HTTP (RFC 6797)').toBeNull();
  const bare = await fetch(site.httpUrl.replace(/\/$/, ''), { redirect: 'manual' });
  expect(bare.headers.get('location'), 'the sub-path without its slash: straight to HTTPS first').toBe(site.url.replace(/\/$/, ''));

  // Over HTTPS: HSTS and the app's headers on the page, a hashed file and a 404, the embed's variant on the embed
  // (its nginx location must not lose the HSTS of the app's location); HSTS on the server's own answers too.
  const hashed = readFileSync(join(site.root, 'index.html'), 'utf8').match(/href="\.\/(app-[0-9a-f]+\.css)"/)[1];
  for (const [path, status] of [['', 200], [hashed, 200], ['missing-0123456789abcdef.js', 404], [EMBED_FILE, 200]]) {
    const res = await httpsHead(`${site.url}${path}`, site.ca);
    expect(res.status, path || 'the page').toBe(status);
    expect(res.headers['strict-transport-security'], `${path || 'the page'}: HSTS`).toBe(HSTS[1]);
    const want = new Map(securityHeadersFor(path));
    for (const [k] of SECURITY_HEADERS) expect(res.headers[k.toLowerCase()], `${path || 'the page'}: ${k}`).toBe(want.get(k));
  }
  expect((await httpsHead(`${site.url}`, site.ca)).headers['content-security-policy']).toBe(CSP);
  for (const url of [site.url.replace(/\/$/, ''), `${site.origin}/elsewhere`]) {
    const res = await httpsHead(url, site.ca);
    expect([res.status, res.headers['strict-transport-security']], `${url}: the server's own answer carries HSTS`).toEqual([url.endsWith('elsewhere') ? 404 : 301, HSTS[1]]);
  }
});
