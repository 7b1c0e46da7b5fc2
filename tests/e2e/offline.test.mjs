// Offline: the service worker (dist/sw.js) after a first visit, through the real nginx under a sub-path.
// Offline means offline: the site's nginx access log must show no request of the app while the browser is offline.
// Also: a browser restart, damaged cache entries, no service worker at all, and a new deploy (update prompt).
// Every test uses the `scratchSite` (its own port and access log, reset to a copy of the build before each test),
// so other tests' requests never show up in its log and the deploy test can replace its files.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, appFor, changedBuild } from './fixtures.mjs';
import { UPDATE_PROMPT } from './content.mjs';

// One access log: the tests of this file run one after the other.
test.describe.configure({ mode: 'default' });

/**
 * What reached the site since `mark` (an index into its access log), less the browser's own update checks of the
 * worker script: about a second after a navigation, Chromium re-fetches sw.js from the browser process, outside
 * the page's offline emulation (Playwright's `offline` cannot cover it), so with a real network cut that check
 * simply fails. The app's files, index.html and every deep link must not show up.
 */
const appRequests = (site, mark) => site.requests().slice(mark).filter((r) => !(r.method === 'GET' && r.uri.endsWith('/sw.js')));

/** Waits until a service worker controls the page (first visit: after install, activate and claim). */
async function controlled(app) {
  await expect.poll(() => app.probe(() => navigator.serviceWorker.controller?.state ?? null),
    { message: 'an active service worker controls the page', timeout: 20_000 }).toBe('activated');
}

test('offline after the first visit: reload, three deep links and a query all open from the cache', async ({ page, context, app, scratchSite }) => {
  await app.open('', { url: scratchSite.url });
  await controlled(app);

  await context.setOffline(true);
  const mark = scratchSite.requests().length;
  await page.reload();
  await app.ready();
  await app.expectActive(null, 'reload offline');
  for (const [path, n, lang] of [['#/gen/4', 4, 'ko'], ['#/gen/6?lang=en', 6, 'en'], ['?from=mail#/gen/2', 2, 'ko']]) {
    await app.open(path, { url: scratchSite.url });
    await app.expectActive(n, `offline ${path}`);
    await expect(page.locator('html'), `${path}: language`).toHaveAttribute('lang', lang);
  }
  expect(appRequests(scratchSite, mark), 'offline: nothing reached the server').toEqual([]);
});

test('offline after closing and reopening the browser', async ({ launchPersistent, scratchSite }) => {
  let context = await launchPersistent({ locale: 'ko-KR' });
  let page = context.pages()[0] ?? (await context.newPage());
  const app = appFor(page, scratchSite.url);
  await app.open();
  await controlled(app);
  await context.close();

  const mark = scratchSite.requests().length;
  context = await launchPersistent({ locale: 'ko-KR', offline: true });
  page = context.pages()[0] ?? (await context.newPage());
  const reopened = appFor(page, scratchSite.url);
  await reopened.open('#/gen/5');
  await reopened.expectActive(5, 'reopened offline');
  await page.keyboard.press('ArrowLeft');
  await reopened.expectActive(4, 'keys work offline');
  expect(appRequests(scratchSite, mark), 'offline: nothing reached the server').toEqual([]);
});

test('faults: damaged and missing cache entries fall back to the network and are repaired', async ({ page, context, app, scratchSite }) => {
  await app.open('#/gen/1', { url: scratchSite.url });
  await controlled(app);
  const damaged = await page.evaluate(async () => {
    const key = (await caches.keys()).find((k) => k.startsWith('web-infra:'));
    const cache = await caches.open(key);
    const reqs = await cache.keys();
    const find = (re) => reqs.find((r) => re.test(new URL(r.url).pathname));
    const wasm = find(/web-infra-evolution-[0-9a-f]{8,16}_bg\.wasm$/); // the app's (not the tools')
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
  const mark = scratchSite.requests().length;
  await page.reload();
  await app.ready();
  await app.expectActive(1, 'after damaging the cache');
  const fetched = scratchSite.requests().slice(mark).filter((r) => r.status === 200).map((r) => r.uri);
  for (const path of damaged) expect(fetched, `${path} came from the network`).toContain(path);
  const repaired = await page.evaluate(async (paths) => {
    const cache = await caches.open((await caches.keys()).find((k) => k.startsWith('web-infra:')));
    return Promise.all(paths.map(async (p) => (await cache.match(new URL(p, location.href)))?.clone().arrayBuffer().then((b) => b.byteLength) ?? 0));
  }, damaged);
  const sizes = damaged.map((p) => readFileSync(join(scratchSite.root, p.split('/').pop())).length);
  expect(repaired, 'the cache holds the real files again').toEqual(sizes);

  // Repaired: offline, everything comes from the cache again.
  await context.setOffline(true);
  const mark2 = scratchSite.requests().length;
  await page.reload();
  await app.ready();
  await app.expectActive(1, 'offline after the repair');
  expect(appRequests(scratchSite, mark2), 'offline: nothing reached the server').toEqual([]);
});

test.describe('no service worker', () => {
  // Chromium itself logs the failed sw.js fetch (the page's script catches the rejection); expected here.
  test.use({
    expectedErrors: /Failed to load resource: the server responded with a status of 404|bad HTTP response code \(404\) was received when fetching the script/,
  });

  for (const [what, options, route] of [
    ['service workers blocked', { serviceWorkers: 'block' }, null],
    ['sw.js missing on the host', {}, '**/sw.js'],
  ]) {
    test.describe(what, () => {
      test.use(options);

      test(`${what}: the app works online as before`, async ({ page, context, app, scratchSite }) => {
        if (route) await context.route(route, (r) => r.fulfill({ status: 404, body: 'gone' }));
        await app.open('#/gen/4', { url: scratchSite.url });
        await app.expectActive(4, what);
        await page.keyboard.press('ArrowRight');
        await app.expectActive(5, `${what}: keys`);
        // Let the registration attempt finish: sw-register.js registers on load.
        await page.waitForTimeout(500);
        expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null), `${what}: not controlled`).toBeNull();
        await expect(page.locator('.sw-update'), `${what}: no update prompt`).toHaveCount(0);
      });
    });
  }
});

test('a new deploy: the open app offers "새 버전 / New version — reload", which loads the new version whole', async ({ page, app, scratchSite }) => {
  await app.open('#/gen/2', { url: scratchSite.url });
  await controlled(app);
  const marker = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--deploy-marker').trim());
  expect(await marker(), 'version 1').toBe('');
  const cachesBefore = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('web-infra:')));
  expect(cachesBefore).toHaveLength(1);

  const tmp = mkdtempSync(join(tmpdir(), 'e2e-deploy-'));
  try {
    const v2 = changedBuild(scratchSite.root, join(tmp, 'v2'));
    const mark = scratchSite.requests().length;
    scratchSite.deploy(join(tmp, 'v2'));

    // The reader comes back (reload): still version 1, whole, from the cache; the browser finds the new sw.js.
    await page.reload();
    await app.ready();
    await app.expectActive(2, 'old version after the deploy');
    expect(await marker(), 'still version 1 until the reader says so').toBe('');
    const prompt = page.locator('.sw-update[role="status"]');
    await expect(prompt, 'the update prompt').toBeVisible({ timeout: 20_000 });
    for (const re of UPDATE_PROMPT.text) await expect(prompt).toContainText(re);
    // Nothing swapped under the reader: the new version waits, the old one still serves this page.
    const state = await page.evaluate(async () => ({
      waiting: !!(await navigator.serviceWorker.getRegistration())?.waiting,
      caches: (await caches.keys()).filter((k) => k.startsWith('web-infra:')).length,
    }));
    expect(state, 'the new version waits (and both caches exist) until the reader accepts').toEqual({ waiting: true, caches: 2 });
    const button = prompt.getByRole('button', { name: UPDATE_PROMPT.button });
    await expect(button, 'an accessible reload button').toHaveCount(1);

    await button.click();
    // (waitForFunction, unlike expect.poll, rides through the reload that the click starts)
    await page.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--deploy-marker').trim() === '"v2"', null, { timeout: 15_000 });
    await app.ready();
    await app.expectActive(2, 'new version keeps the deep link');
    await expect(page.locator('script[data-js]'), 'the new app loader').toHaveAttribute('data-js', `./${v2.js}`);
    await expect(page.locator('.sw-update'), 'no prompt in the new version').toHaveCount(0);

    // Nothing mixed: every file the new page uses is from version 2, the old cache is gone, no 404 anywhere.
    const used = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop()));
    const v2Files = readdirSync(scratchSite.root);
    for (const f of used) expect(v2Files, `the new page used ${f}, which must be in version 2`).toContain(f);
    const cachesAfter = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('web-infra:')));
    expect(cachesAfter, 'one cache').toHaveLength(1);
    expect(cachesAfter[0], 'a new cache for the new version').not.toBe(cachesBefore[0]);
    const log = scratchSite.requests().slice(mark);
    expect(log.filter((r) => r.status >= 400), 'no 404 (or any error) after the deploy').toEqual([]);
    expect(log.filter((r) => v2.oldFiles.some((f) => r.uri.endsWith(`/${f}`))), 'no request for a file of the old version after the deploy').toEqual([]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
