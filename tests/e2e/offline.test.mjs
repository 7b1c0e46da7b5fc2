// Offline: the service worker (dist/sw.js) after a first visit, through a real nginx under a sub-path.
// Offline means offline: the nginx access log must show no request at all while the browser is offline.
// Also: a browser restart, damaged cache entries, no service worker at all, and a new deploy (update prompt).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, launchPersistent, watchContext } from './server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const DIST = resolve(process.env.E2E_DIST || join(ROOT, 'dist'));
const ENGLISH = { 1: 'Traditional Infrastructure', 2: 'Virtualization', 4: 'Orchestration', 5: 'Serverless & Microservices', 6: 'Edge & Decentralized' };

let tmp;
let site; // what nginx serves: a copy of dist/ that the update test replaces with a new build
let server;
let browser;

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'e2e-offline-'));
  site = join(tmp, 'site');
  cpSync(DIST, site, { recursive: true });
  server = await startServer({ root: site });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function ready(page) {
  await page.locator('section.timeline').waitFor({ state: 'visible' });
  await page.locator('#boot').waitFor({ state: 'detached' });
}

/** Waits until generation n (null: the overview) is active and its detail is shown. */
async function expectActive(page, n, why) {
  await page.waitForFunction((n) => (document.querySelector('a.node[aria-current="step"]')?.dataset.gen ?? null) === n, n == null ? null : String(n), { timeout: 5000 })
    .catch(async () => assert.fail(`${why}: want generation ${n}, URL ${page.url()}`));
  if (n != null) {
    const heading = await page.locator('h2#detail-heading').innerText();
    assert.ok(heading.includes(`(${ENGLISH[n]})`), `${why}: heading ${JSON.stringify(heading)}`);
    assert.ok((await page.locator('article.detail table tr').count()) >= 3, `${why}: the detail table is there`);
  }
  assert.equal(await page.locator('a.node').count(), 6, `${why}: six timeline nodes`);
  assert.ok((await page.locator('table').count()) >= 2, `${why}: the post's tables`);
}

/** Waits until a service worker controls the page (first visit: after install, activate and claim). */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 20_000 })
    .catch(() => assert.fail('no active service worker controls the page'));
}

const newRequests = (mark) => server.requests().slice(mark);

test('offline after the first visit: reload, three deep links and a query all open from the cache', async () => {
  const context = await browser.newContext({ locale: 'ko-KR' });
  const problems = await watchContext(context);
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(server.url);
    await ready(page);
    await controlled(page);

    await context.setOffline(true);
    const mark = server.requests().length;
    await page.reload();
    await ready(page);
    await expectActive(page, null, 'reload offline');
    for (const [path, n, lang] of [['#/gen/4', 4, 'ko'], ['#/gen/6?lang=en', 6, 'en'], ['?from=mail#/gen/2', 2, 'ko']]) {
      await page.goto('about:blank');
      await page.goto(server.url + path);
      await ready(page);
      await expectActive(page, n, `offline ${path}`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang, `${path}: language`);
    }
    assert.deepEqual(newRequests(mark), [], 'offline: nothing reached the server');
    assert.deepEqual(problems, [], problems.join('\n'));
  } finally {
    await context.close();
  }
});

test('offline after closing and reopening the browser', async () => {
  const profile = join(tmp, 'profile');
  let context = await launchPersistent(profile, { locale: 'ko-KR' });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await ready(page);
    await controlled(page);
  } finally {
    await context.close();
  }
  const mark = server.requests().length;
  context = await launchPersistent(profile, { locale: 'ko-KR', offline: true });
  const problems = await watchContext(context);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.url}#/gen/5`);
    await ready(page);
    await expectActive(page, 5, 'reopened offline');
    await page.keyboard.press('ArrowLeft');
    await expectActive(page, 4, 'keys work offline');
    assert.deepEqual(newRequests(mark), [], 'offline: nothing reached the server');
    assert.deepEqual(problems, [], problems.join('\n'));
  } finally {
    await context.close();
  }
});

test('faults: damaged and missing cache entries fall back to the network and are repaired', async () => {
  const context = await browser.newContext({ locale: 'ko-KR' });
  const problems = await watchContext(context);
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.url}#/gen/1`);
    await ready(page);
    await controlled(page);
    const damaged = await page.evaluate(async () => {
      const key = (await caches.keys()).find((k) => k.startsWith('web-infra:'));
      const cache = await caches.open(key);
      const reqs = await cache.keys();
      const find = (re) => reqs.find((r) => re.test(new URL(r.url).pathname));
      const wasm = find(/\.wasm$/);
      const js = find(/web-infra-evolution-[0-9a-f]{8,16}\.js$/);
      const css = find(/\.css$/);
      const index = find(/index\.html$/);
      await cache.put(wasm, new Response('not wasm', { headers: { 'Content-Type': 'application/wasm' } }));
      const text = await (await cache.match(js)).text(); // same length, one byte changed
      await cache.put(js, new Response(text.slice(0, -2) + (text.at(-2) === ' ' ? '\t' : ' ') + text.at(-1), { headers: { 'Content-Type': 'text/javascript' } }));
      await cache.delete(css);
      await cache.put(index, new Response('<!doctype html><title>broken</title><p>broken', { headers: { 'Content-Type': 'text/html' } }));
      return [wasm, js, css, index].map((r) => new URL(r.url).pathname);
    });
    // Without the browser's HTTP cache, "the network" is nginx, and its log shows what the worker fetched.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    const mark = server.requests().length;
    await page.reload();
    await ready(page);
    await expectActive(page, 1, 'after damaging the cache');
    const fetched = newRequests(mark).filter((r) => r.status === 200).map((r) => r.uri);
    for (const path of damaged) assert.ok(fetched.includes(path), `${path} came from the network: ${fetched.join(' ')}`);
    const repaired = await page.evaluate(async (paths) => {
      const cache = await caches.open((await caches.keys()).find((k) => k.startsWith('web-infra:')));
      return Promise.all(paths.map(async (p) => (await cache.match(new URL(p, location.href)))?.clone().arrayBuffer().then((b) => b.byteLength) ?? 0));
    }, damaged);
    const sizes = damaged.map((p) => readFileSync(join(site, p.split('/').pop())).length);
    assert.deepEqual(repaired, sizes, 'the cache holds the real files again');

    // Repaired: offline, everything comes from the cache again.
    await context.setOffline(true);
    const mark2 = server.requests().length;
    await page.reload();
    await ready(page);
    await expectActive(page, 1, 'offline after the repair');
    assert.deepEqual(newRequests(mark2), [], 'offline: nothing reached the server');
    assert.deepEqual(problems, [], problems.join('\n'));
  } finally {
    await context.close();
  }
});

test('no service worker (unsupported, blocked, or sw.js missing): the app works online as before', async () => {
  for (const [what, options, route] of [
    ['service workers blocked', { serviceWorkers: 'block' }, null],
    ['sw.js missing on the host', {}, '**/sw.js'],
  ]) {
    const context = await browser.newContext({ locale: 'ko-KR', ...options });
    // Chromium itself logs the failed sw.js fetch (the page's script catches the rejection); expected here.
    const problems = await watchContext(context, {
      ignore: [/Failed to load resource: the server responded with a status of 404/, /bad HTTP response code \(404\) was received when fetching the script/],
    });
    try {
      if (route) await context.route(route, (r) => r.fulfill({ status: 404, body: 'gone' }));
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(`${server.url}#/gen/4`);
      await ready(page);
      await expectActive(page, 4, what);
      await page.keyboard.press('ArrowRight');
      await expectActive(page, 5, `${what}: keys`);
      await page.waitForTimeout(500); // let the registration attempt finish
      assert.equal(await page.evaluate(() => navigator.serviceWorker?.controller ?? null), null, `${what}: not controlled`);
      assert.equal(await page.locator('.sw-update').count(), 0, `${what}: no update prompt`);
      assert.deepEqual(problems, [], `${what}:\n${problems.join('\n')}`);
    } finally {
      await context.close();
    }
  }
});

/**
 * A new build made from `from`: a changed stylesheet (new content, new hashed name, new SRI) and the app's
 * JS and wasm under new hashed names, then postbuild again (new sw.js version, manifest, _headers, .br/.gz).
 */
function changedBuild(from, to) {
  cpSync(from, to, { recursive: true });
  const names = readdirSync(to);
  let html = readFileSync(join(to, 'index.html'), 'utf8');
  const hex16 = (s) => createHash('sha256').update(s).digest('hex').slice(0, 16);
  const css = names.find((f) => /^app-[0-9a-f]{8,16}\.css$/.test(f));
  const text = `${readFileSync(join(to, css), 'utf8')}\n:root { --deploy-marker: "v2"; }\n`;
  const newCss = `app-${hex16(text)}.css`;
  writeFileSync(join(to, newCss), text);
  rmSync(join(to, css));
  const sri = `sha384-${createHash('sha384').update(text).digest('base64')}`;
  html = html.replace(new RegExp(`href="\\./${css}" integrity="[^"]+"`), `href="./${newCss}" integrity="${sri}"`);
  const js = names.find((f) => /^web-infra-evolution-[0-9a-f]{8,16}\.js$/.test(f));
  const id = js.slice('web-infra-evolution-'.length, -3);
  const newId = hex16(`v2${id}`);
  for (const [a, b] of [[`${id}.js`, `${newId}.js`], [`${id}_bg.wasm`, `${newId}_bg.wasm`]]) {
    cpSync(join(to, `web-infra-evolution-${a}`), join(to, `web-infra-evolution-${b}`));
    rmSync(join(to, `web-infra-evolution-${a}`));
    html = html.split(`web-infra-evolution-${a}`).join(`web-infra-evolution-${b}`);
  }
  writeFileSync(join(to, 'index.html'), html);
  execFileSync(process.execPath, [join(ROOT, 'scripts/postbuild.mjs'), to, '--no-single'], { stdio: 'pipe' });
  return { css: newCss, js: `web-infra-evolution-${newId}.js`, oldFiles: names.filter((f) => !readdirSync(to).includes(f)) };
}

/** Deploys like `rsync --delete`: the old files go, the new ones come, same server, same URL. */
function deploy(build) {
  for (const f of readdirSync(site)) rmSync(join(site, f), { recursive: true, force: true });
  cpSync(build, site, { recursive: true });
}

test('a new deploy: the open app offers "새 버전 / New version — reload", which loads the new version whole', async () => {
  const context = await browser.newContext({ locale: 'ko-KR' });
  const problems = await watchContext(context);
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.url}#/gen/2`);
    await ready(page);
    await controlled(page);
    const marker = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--deploy-marker').trim());
    assert.equal(await marker(), '', 'version 1');
    const cachesBefore = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('web-infra:')));
    assert.equal(cachesBefore.length, 1);

    const v2 = changedBuild(site, join(tmp, 'v2'));
    const mark = server.requests().length;
    deploy(join(tmp, 'v2'));

    // The reader comes back (reload): still version 1, whole, from the cache; the browser finds the new sw.js.
    await page.reload();
    await ready(page);
    await expectActive(page, 2, 'old version after the deploy');
    assert.equal(await marker(), '', 'still version 1 until the reader says so');
    const prompt = page.locator('.sw-update[role="status"]');
    await prompt.waitFor({ state: 'visible', timeout: 20_000 }).catch(() => assert.fail('no update prompt'));
    const promptText = await prompt.innerText();
    assert.match(promptText, /새 버전/);
    assert.match(promptText, /new version/i);
    // Nothing swapped under the reader: the new version waits, the old one still serves this page.
    const state = await page.evaluate(async () => ({
      waiting: !!(await navigator.serviceWorker.getRegistration())?.waiting,
      caches: (await caches.keys()).filter((k) => k.startsWith('web-infra:')).length,
    }));
    assert.deepEqual(state, { waiting: true, caches: 2 }, 'the new version waits (and both caches exist) until the reader accepts');
    const button = prompt.getByRole('button', { name: /새로 고침.*Reload/ });
    assert.equal(await button.count(), 1, 'an accessible reload button');

    await button.click();
    await page.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--deploy-marker').trim() === '"v2"', null, { timeout: 15_000 })
      .catch(() => assert.fail('the new version did not load'));
    await ready(page);
    await expectActive(page, 2, 'new version keeps the deep link');
    assert.equal(await page.locator('script[data-js]').getAttribute('data-js'), `./${v2.js}`, 'the new app loader');
    assert.equal(await page.locator('.sw-update').count(), 0, 'no prompt in the new version');

    // Nothing mixed: every file the new page uses is from version 2, the old cache is gone, no 404 anywhere.
    const used = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop()));
    const v2Files = readdirSync(site);
    for (const f of used) assert.ok(v2Files.includes(f), `the new page used ${f}, which is not in version 2`);
    const cachesAfter = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('web-infra:')));
    assert.equal(cachesAfter.length, 1, `one cache: ${cachesAfter}`);
    assert.notEqual(cachesAfter[0], cachesBefore[0], 'a new cache for the new version');
    const log = newRequests(mark);
    assert.deepEqual(log.filter((r) => r.status >= 400), [], 'no 404 (or any error) after the deploy');
    const old = log.filter((r) => v2.oldFiles.some((f) => r.uri.endsWith(`/${f}`)));
    assert.deepEqual(old, [], 'no request for a file of the old version after the deploy');
    assert.deepEqual(problems, [], problems.join('\n'));
  } finally {
    await context.close();
  }
});
