// The real nginx serving dist/ under a sub-path, and Debian's Chromium: used by the Playwright config and its
// global setup (tests/e2e/global-setup.mjs), and by bench/run.mjs.
//
// nginx runs with its own prefix and a generated config in a fresh temp dir that includes the repo's
// deploy/nginx.conf (the rules users copy) for the sub-path: it reads /etc/nginx/mime.types, the brotli
// module and nothing else from the system, and writes only inside that temp dir (its access logs too).
// With `https`, the same nginx also serves deploy/nginx-https.conf (the recommended TLS site) on ports 80 and 443
// of a loopback address of its own, with a certificate made for it in that temp dir (openssl).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, existsSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { chromium } from 'playwright-core';

export const NGINX = process.env.NGINX || '/usr/sbin/nginx';
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
/** The app is served here, not at `/`, to prove the build works under any sub-path. */
export const SUB_PATH = '/a/b/web-infra/';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The build under test: dist/, or E2E_DIST (e.g. a deliberately broken copy). */
export const DIST = resolve(process.env.E2E_DIST || join(ROOT, 'dist'));
/** The single-file edition that `make build` writes next to dist/. */
export const SINGLE = resolve(process.env.E2E_SINGLE || `${DIST}-single/web-infra-evolution.html`);

/** A port that is free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((ok, fail) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

/** The repo's nginx rules for dist/ (the file users copy), included by the generated wrapper below. */
export const DEPLOY_NGINX_CONF = join(ROOT, 'deploy/nginx.conf');
/** The repo's recommended HTTPS site (redirect, TLS, HSTS) around those rules. */
export const DEPLOY_NGINX_HTTPS_CONF = join(ROOT, 'deploy/nginx-https.conf');
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/**
 * Why this process cannot serve the HTTPS site, or null if it can. The MDN HTTP Observatory's scan() only
 * knows the default ports (http://host/ and https://host/), so the site needs ports 80 and 443: root, or a
 * system that lets anyone bind them.
 */
export function httpsUnavailable() {
  if (typeof process.getuid === 'function' && process.getuid() === 0) return null;
  let first = 1024;
  try { first = Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8')); } catch { /* not Linux */ }
  return first <= 80 ? null : `ports 80 and 443 need root here (uid ${process.getuid?.()}, net.ipv4.ip_unprivileged_port_start = ${first}), ` +
    'and the Observatory scans only those';
}

/** A loopback address of its own for the HTTPS site (127.1.0.1 … 127.254.255.254), so that ports 80 and 443 are free. */
const loopbackAddress = () => `127.${1 + Math.floor(Math.random() * 254)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

/** A self-signed certificate for `ip` (what the scanner is told to trust): { cert, key } file paths in `tmp`. */
function testCertificate(tmp, ip) {
  const cert = join(tmp, 'tls-cert.pem');
  const key = join(tmp, 'tls-key.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-subj', '/CN=web-infra e2e', '-addext', `subjectAltName=IP:${ip}`, '-keyout', key, '-out', cert,
  ], { stdio: 'pipe' });
  return { cert, key };
}

/**
 * deploy/nginx-https.conf as the suite serves it: the example's own text, with only what must differ on this
 * machine put in (each line must be there exactly as often as said, or the example changed and this must too):
 * the listen addresses, the certificate, the build's directory, the rules file, an access log.
 */
export function httpsSiteConf({ ip, root, cert, key, rules, log }) {
  let conf = readFileSync(DEPLOY_NGINX_HTTPS_CONF, 'utf8');
  const put = (re, count, to) => {
    const found = conf.match(new RegExp(re.source, 'gm'))?.length ?? 0;
    if (found !== count) throw new Error(`deploy/nginx-https.conf: expected ${count} line(s) matching ${re}, found ${found} (tests/e2e/server.mjs adapts those)`);
    conf = conf.replace(new RegExp(re.source, 'gm'), to);
  };
  put(/^(\s*)listen 80;$/, 1, `$1listen ${ip}:80;`);
  put(/^(\s*)listen 443 ssl;$/, 1, `$1listen ${ip}:443 ssl;`);
  put(/^(\s*)server_name example\.org;$/, 2, `$1server_name ${ip};\n$1access_log ${log} e2e;`);
  put(/^(\s*)ssl_certificate \S+;$/, 1, `$1ssl_certificate ${cert};`);
  put(/^(\s*)ssl_certificate_key \S+;$/, 1, `$1ssl_certificate_key ${key};`);
  put(/^(\s*)alias \/srv\/web-infra\/;$/, 1, `$1alias ${root}/;`);
  put(/^(\s*)include snippets\/web-infra\.conf;$/, 1, `$1include ${rules};`);
  if (!conf.includes(`location ${SUB_PATH} {`)) throw new Error(`deploy/nginx-https.conf: no \`location ${SUB_PATH} {\` (the sub-path the suite serves)`);
  return conf;
}

function nginxConf({ sites, https, tmp }) {
  const mime = '/etc/nginx/mime.types';
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // deploy/nginx.conf serves .br files with the brotli static module (Debian: libnginx-mod-http-brotli-static,
  // installed by scripts/setup.sh). Without the module, a copy without that line is used, and the tests that
  // expect brotli say so.
  let rules = DEPLOY_NGINX_CONF;
  if (!existsSync(BROTLI_MODULE)) {
    rules = join(tmp, 'web-infra-no-brotli.conf');
    writeFileSync(rules, readFileSync(DEPLOY_NGINX_CONF, 'utf8').replace(/^\s*brotli_static\b.*$/m, ''));
  }
  // One server (port, access log) per site: a test that counts a site's requests sees only its own.
  const servers = sites.map(({ name, root, port }) => `
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    access_log ${accessLog(tmp, name)} e2e;
    location = ${SUB_PATH.replace(/\/$/, '')} { return 301 ${SUB_PATH}; }
    location ${SUB_PATH} {
      alias ${root}/;
      include ${rules};
    }
    location / { return 404; }
  }`).join('\n') + (https ? `\n  # deploy/nginx-https.conf, adapted (tests/e2e/server.mjs httpsSiteConf)\n${httpsSiteConf({ ...https, rules, log: accessLog(tmp, https.name) })}` : '');
  return `# Generated by tests/e2e/server.mjs: a private nginx around the repo's deploy/nginx.conf.
${existsSync(BROTLI_MODULE) ? `load_module ${BROTLI_MODULE};` : ''}
${isRoot ? 'user root;' : ''}
worker_processes 1;
lock_file ${tmp}/nginx.lock;
events { worker_connections 256; }
http {
  ${existsSync(mime) ? `include ${mime};` : ''}
  default_type application/octet-stream;
  log_format e2e '$status $request_method $request_uri $sent_http_content_encoding';
  client_body_temp_path ${tmp}/client_body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  sendfile on;
${servers}
}
`;
}

const accessLog = (tmp, name) => join(tmp, `${name}.access.log`);

/** Every request nginx answered for one site so far, in order: { status, method, uri, encoding }. */
export function readRequests(logFile) {
  if (!existsSync(logFile)) return [];
  return readFileSync(logFile, 'utf8').split('\n').filter(Boolean).map((line) => {
    const [status, method, uri, encoding] = line.split(' ');
    return { status: Number(status), method, uri, encoding: encoding === '-' ? '' : encoding };
  });
}

const live = new Set();
let hooked = false;
function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal); // master and workers: nginx runs in its own process group
  } catch {
    try { child.kill(signal); } catch { /* already gone */ }
  }
}
function hookExit() {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const s of live) s.killNow();
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    const onSignal = () => {
      for (const s of live) s.killNow();
      // If nobody else handles the signal, behave as if we had not intercepted it.
      if (process.listenerCount(sig) === 1) {
        process.removeListener(sig, onSignal);
        process.kill(process.pid, sig);
      }
    };
    process.on(sig, onSignal);
  }
}

/** Waits until nginx answers `url` with 2xx (`anyStatus`: with anything, it listens there). */
async function waitUntilServing(url, child, stderr, { anyStatus = false, timeoutMs = 10_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`nginx exited (${child.exitCode ?? child.signalCode}):\n${stderr()}`);
    }
    try {
      const res = await fetch(url, { redirect: 'manual' });
      if (res.ok || anyStatus) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e.message;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not serve ${url} within ${timeoutMs} ms (${last}):\n${stderr()}`);
}

/**
 * A site: `root` served at http://127.0.0.1:<port>/a/b/web-infra/ with the rules of deploy/nginx.conf.
 * Plain data (it travels from the Playwright global setup to the workers in an environment variable).
 * @typedef {{ name: string, root: string, url: string, origin: string, log: string }} Site
 */

/**
 * Starts ONE nginx serving every `sites` entry ({ name: root }) on its own free port, with its own access log.
 * `https` ({ name: root }, one entry): also that build as deploy/nginx-https.conf serves it, on ports 80 (the
 * redirect) and 443 of a loopback address of its own; its site has `url` (https), `httpUrl`, `host` (the address)
 * and `ca` (the certificate to trust). If this process cannot bind those ports, or they are taken, the site only
 * says why, in `unavailable` (and the other sites start as usual).
 * @returns {Promise<{ sites: Record<string, Site>, stop: () => Promise<void>, stderr: () => string }>}
 */
export async function startSites(sites, https = {}) {
  const list = Object.entries(sites).map(([name, root]) => {
    root = resolve(root);
    if (!existsSync(join(root, 'index.html')) || !statSync(root).isDirectory()) {
      throw new Error(`${root}/index.html does not exist: build dist/ first (make build)`);
    }
    return { name, root };
  });
  let secure = Object.entries(https).map(([name, root]) => ({ name, root: resolve(root) }))[0] ?? null;
  let unavailable = secure && httpsUnavailable();
  if (unavailable) secure = null;
  let attempt = 0;
  for (;;) {
    attempt += 1;
    const ip = secure && loopbackAddress();
    try {
      const started = await startOnce(list, secure && { ...secure, ip });
      if (unavailable) started.sites[Object.keys(https)[0]] = { name: Object.keys(https)[0], unavailable };
      return started;
    } catch (e) {
      // Another process may have taken a port between freePort() and nginx's bind.
      if (attempt < 4 && /Address already in use/.test(String(e.message))) {
        // Ports 80/443 held for every address (a server on 0.0.0.0): the other sites still start.
        if (ip && new RegExp(`${ip.replace(/\./g, '\\.')}:(80|443)`).test(e.message)) {
          unavailable = `ports 80 and 443 are taken: ${/bind\(\) to \S+ failed[^\n]*/.exec(e.message)?.[0] ?? e.message}`;
          secure = null;
        }
        continue;
      }
      throw e;
    }
  }
}

/** One site on its own nginx (bench/run.mjs): { url, origin, root, stop, stderr, requests }. */
export async function startServer({ root }) {
  const { sites, stop, stderr } = await startSites({ main: root });
  const { url, origin, log } = sites.main;
  return { url, origin, root: sites.main.root, stop, stderr, requests: () => readRequests(log) };
}

async function startOnce(list, secure) {
  const tmp = mkdtempSync(join(tmpdir(), 'e2e-nginx-'));
  for (const d of ['logs', 'client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(tmp, d));
  const sites = [];
  for (const s of list) sites.push({ ...s, port: await freePort() });
  const https = secure && { ...secure, ...testCertificate(tmp, secure.ip) };
  const conf = join(tmp, 'nginx.conf');
  writeFileSync(conf, nginxConf({ sites, https, tmp }));
  const child = spawn(
    NGINX,
    ['-p', `${tmp}/`, '-e', 'stderr', '-c', conf, '-g', `daemon off; pid ${tmp}/nginx.pid; error_log stderr;`],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => {
    err += d;
    if (err.length > 100_000) err = err.slice(-50_000);
  });
  const spawned = new Promise((ok, fail) => {
    child.once('spawn', ok);
    child.once('error', fail);
  });
  const exited = new Promise((ok) => child.once('exit', ok));
  await spawned;
  child.unref();
  child.stderr.unref?.();

  let stopped = false;
  const handle = {
    killNow() {
      if (stopped) return;
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) killGroup(child, 'SIGKILL');
      live.delete(handle);
      try { rmSync(tmp, { recursive: true, force: true }); } catch { /* best effort */ }
    },
  };
  live.add(handle);
  hookExit();

  const stop = async () => {
    if (stopped) return;
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child, 'SIGQUIT'); // graceful
      const t = setTimeout(() => killGroup(child, 'SIGKILL'), 3000);
      await exited;
      clearTimeout(t);
    }
    handle.killNow(); // (nginx's master waits for its workers before it exits on SIGQUIT)
  };
  const result = {};
  for (const { name, root, port } of sites) {
    const origin = `http://127.0.0.1:${port}`;
    result[name] = { name, root, origin, url: `${origin}${SUB_PATH}`, log: accessLog(tmp, name) };
  }
  if (https) {
    const { name, root, ip, cert } = https;
    result[name] = {
      name, root, host: ip, origin: `https://${ip}`, url: `https://${ip}${SUB_PATH}`, httpUrl: `http://${ip}${SUB_PATH}`,
      ca: cert, log: accessLog(tmp, name),
    };
  }
  try {
    // The HTTPS site: its plain-HTTP server answers (a redirect; whether the right one is https.test.mjs's business).
    for (const site of Object.values(result)) await waitUntilServing(site.httpUrl ?? site.url, child, () => err, { anyStatus: !!site.httpUrl });
  } catch (e) {
    await stop();
    throw e;
  }
  return { sites: result, stop, stderr: () => err };
}

/** The flags TOOLCHAIN.md lists for Debian's Chromium as root on a closed network (headless is set apart). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Debian Chromium through playwright-core, no downloaded browsers (bench/run.mjs). */
export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
