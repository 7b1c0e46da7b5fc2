// Injected faults (issue 10): what the reader sees when a file of the app fails, when the network dies during the
// load, when storage misbehaves, and when the offline copy is damaged or outdated.
//
// - Loading: the wasm answers 404, 500, the wrong MIME type or half its bytes; the glue JS is missing; the stylesheet
//   is missing; a script the app does not need is missing; the network dies after the HTML, or in the middle of the
//   wasm (a real connection cut by a small proxy in front of nginx). Where the app cannot start, the prerendered
//   page must stay readable as a plain document (every generation in full) with the short bilingual "could not
//   load" message of index.html (`.boot-failed`, shown by assets/boot.js): never a blank page, nothing spinning.
// - Storage: `localStorage` that throws on every access, that is full (QuotaExceededError on setItem), or that holds
//   values a future version wrote: the app works, defaults apply, no console error.
// - The service worker's cache: deleted or damaged while the app is open, then offline; a deploy while the reader is
//   offline (the update prompt, once, after reconnecting).
//
// Every test fails on a console error, an uncaught error or a CSP violation it did not provoke on purpose
// (fixtures.mjs); the ones it provokes are taken and checked (`provoked`).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, changedBuild, faultProxy } from './fixtures.mjs';
import { GENERATIONS, STORAGE, UPDATE_PROMPT, words } from './content.mjs';

const KO = words('ko');
const EN = words('en');

const WASM = /\/web-infra-evolution-[0-9a-f]{8,16}_bg\.wasm$/;
const GLUE = /\/web-infra-evolution-[0-9a-f]{8,16}\.js$/;
const CSS = /\/app-[0-9a-f]{8,16}\.css$/;
const SW_REGISTER = /\/sw-register-[0-9a-f]{8,16}\.js$/;
const BOOT = /\/boot-[0-9a-f]{8,16}\.js$/;

/** Takes the console and page errors the test provoked (`re`), and checks there was at least one. */
function provoked(browserProblems, re, what) {
  expect(browserProblems.take(re), `${what}: the fault was reported by the browser`).not.toEqual([]);
}

/** What the page shows, in one read. */
const pageState = (page) => page.evaluate(() => {
  const shown = (el) => !!el && !el.closest('[hidden]') && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  return {
    js: document.documentElement.classList.contains('js'),
    takenOver: document.documentElement.classList.contains('taken-over'),
    prerendered: document.querySelector('#app')?.hasAttribute('data-prerendered') ?? null,
    boot: !!document.getElementById('boot'),
    message: shown(document.querySelector('.boot-failed')),
    appError: shown(document.getElementById('app-error')),
    text: document.body.innerText.trim().length,
    // A spinner, a progress bar that never ends: an animation that runs forever, or something marked busy.
    forever: document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations === Infinity).length,
    busy: document.querySelectorAll('[aria-busy="true"]').length,
    playBar: shown(document.querySelector('.timeline-bar')),
    settings: shown(document.querySelector('.settings')),
    printEdition: shown(document.querySelector('.print-edition')),
  };
});

/**
 * The app could not start: the bilingual message (an alert), the prerendered page as a plain document with every
 * generation in full and readable, the controls that need the app hidden, nothing spinning, and so it stays.
 * `unstyled`: the stylesheet did not arrive either, so nothing hides those controls (they are in the HTML, inert).
 */
async function expectCouldNotLoad(page, what, { unstyled = false } = {}) {
  const failed = page.locator('.boot-failed');
  await expect(failed, `${what}: the "could not load" message`).toBeVisible({ timeout: 15_000 });
  await expect(failed, `${what}: announced`).toHaveAttribute('role', 'alert');
  await expect(failed.locator('p[lang="ko"]'), `${what}: in Korean`).toContainText(KO.ui.bootFailed);
  await expect(failed.locator('p[lang="en"]'), `${what}: and in English`).toContainText(EN.ui.bootFailed);
  await expect(failed.locator('p[lang="en"]'), `${what}: the English half is shown too`).toBeVisible();
  const sections = page.locator('article.print-generation');
  await expect(sections, `${what}: six prerendered generations`).toHaveCount(6);
  for (const g of GENERATIONS) {
    await expect(sections.nth(g.id - 1), `${what}: generation ${g.id} readable in full`).toContainText(g.heading.ko, { useInnerText: true });
  }
  // Longer than any retry the loader might make: the message stays, nothing else turns up.
  await page.waitForTimeout(500);
  const s = await pageState(page);
  expect(s, `${what}: a plain, readable document with the message, nothing spinning, not the app`).toMatchObject({
    js: false, message: true, appError: false, forever: 0, busy: 0, printEdition: true, prerendered: true,
    ...(unstyled ? {} : { playBar: false, settings: false }),
  });
  expect(s.text, `${what}: not a blank page`).toBeGreaterThan(2000);
}

/** The app started and works: the deep link, a key, its controls, no message. */
async function expectAppWorks(page, app, what, n = 3) {
  await app.ready();
  await app.expectActive(n, what);
  await page.keyboard.press('ArrowRight');
  await app.expectActive(n + 1, `${what}: a key`);
  const s = await pageState(page);
  expect(s, `${what}: the app, whole`).toMatchObject({ js: true, takenOver: true, message: false, appError: false, playBar: true, settings: true, printEdition: false, forever: 0, busy: 0 });
}

// --------------------------------------------------------------------------------------------------------
// Loading

test.describe('loading faults', () => {
  /** A route handler answering `status` with a short body. */
  const answer = (status, body = 'gone') => (route) => route.fulfill({ status, contentType: 'text/plain', body });

  for (const [what, pattern, handler, errors] of [
    ['the wasm answers 404', WASM, answer(404), /status of 404|failed to fetch Wasm: 404/],
    ['the wasm answers 500', WASM, answer(500, 'Internal Server Error'), /status of 500|failed to fetch Wasm: 500/],
    ['the wasm is cut off half-way (a complete response of half its bytes)', WASM, async (route) => {
      const res = await route.fetch();
      const body = await res.body();
      await route.fulfill({ response: res, body: body.subarray(0, body.length >> 1) });
    }, /WebAssembly|CompileError/],
    ['the glue JS answers 404', GLUE, answer(404), /status of 404|Failed to fetch dynamically imported module/],
  ]) {
    test(`${what}: the page stays readable and says the app could not load`, async ({ page, app, browserProblems }) => {
      let hits = 0;
      await page.route(pattern, (route) => { hits += 1; return handler(route); });
      await page.goto(`${app.url}#/gen/3`);
      await expectCouldNotLoad(page, what);
      expect(hits, `${what}: the fault was injected`).toBeGreaterThanOrEqual(1);
      provoked(browserProblems, errors, what);
    });
  }

  test('the wasm comes with the wrong MIME type (text/html): the glue falls back, the app works', async ({ page, app }) => {
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning' && /MIME/.test(m.text())) warnings.push(m.text()); });
    let hits = 0;
    await page.route(WASM, async (route) => {
      hits += 1;
      const res = await route.fetch();
      await route.fulfill({ response: res, headers: { ...res.headers(), 'content-type': 'text/html' } });
    });
    await page.goto(`${app.url}#/gen/3`);
    await expectAppWorks(page, app, 'wasm as text/html');
    expect(hits).toBeGreaterThanOrEqual(1);
    expect(warnings, 'wasm-bindgen says why it fell back (a warning, not an error)').toHaveLength(1);
  });

  test('the stylesheet answers 404: the app starts and works, unstyled (no message: the app removes it)', async ({ page, app, browserProblems }) => {
    await page.route(CSS, answer(404));
    await page.goto(`${app.url}#/gen/3`);
    await app.ready();
    // (Not app.expectActive: it compares headings as shown, and unstyled they show in both languages.)
    const active = () => app.probe(() => [document.querySelector('a.node[aria-current="step"]')?.dataset.gen, document.querySelector('article.detail:not([hidden])')?.dataset.gen]);
    await expect.poll(active, { message: 'no stylesheet: the deep link' }).toEqual(['3', '3']);
    await page.keyboard.press('ArrowRight');
    await expect.poll(active, { message: 'no stylesheet: a key' }).toEqual(['4', '4']);
    await app.expectHash('#/gen/4');
    const s = await page.evaluate(() => ({
      rules: [...document.styleSheets].reduce((n, x) => n + x.cssRules.length, 0),
      // Without the stylesheet nothing hides the other language: every text is there twice.
      title: document.querySelector('.site-title').innerText,
      text: document.body.innerText.length,
    }));
    expect(s.rules, 'no style rule applies').toBe(0);
    expect(s.title, 'unstyled, both languages show').toContain(KO.title);
    expect(s.title, 'unstyled, both languages show').toContain(EN.title);
    expect(s.text, 'readable: not a blank page').toBeGreaterThan(2000);
    provoked(browserProblems, /status of 404/, 'no stylesheet');
  });

  test('a script the app does not need is missing (sw-register.js 404): the app starts whole, no message', async ({ page, app, browserProblems }) => {
    await page.route(SW_REGISTER, answer(404));
    await page.goto(`${app.url}#/gen/3`);
    await expectAppWorks(page, app, 'sw-register.js missing');
    provoked(browserProblems, /status of 404/, 'sw-register.js missing');
  });

  test('the network dies after the HTML and its head (stylesheet, boot.js): readable, with the message', async ({ page, app, browserProblems }) => {
    let cut = 0;
    await page.route((url) => !(url.pathname.endsWith('/web-infra/') || CSS.test(url.pathname) || BOOT.test(url.pathname)), (route) => {
      cut += 1;
      return route.abort('internetdisconnected');
    });
    await page.goto(`${app.url}#/gen/3`);
    await expectCouldNotLoad(page, 'network gone after the head');
    expect(cut, 'the app\'s files were cut off').toBeGreaterThanOrEqual(2);
    provoked(browserProblems, /ERR_INTERNET_DISCONNECTED|Failed to fetch dynamically imported module/, 'network gone after the head');
  });

  // Not even boot.js arrives, so nothing of it runs: the app loader (inline in the HTML: Trunk.toml's pattern_script)
  // shows the message itself when the app cannot start and boot.js's mark (html.js) is missing.
  test('the network dies right after the HTML (not one more file): readable, unstyled, with the message', async ({ page, app, browserProblems }) => {
    let cut = 0;
    await page.route((url) => !url.pathname.endsWith('/web-infra/'), (route) => {
      cut += 1;
      return route.abort('internetdisconnected');
    });
    await page.goto(`${app.url}#/gen/3`);
    await expectCouldNotLoad(page, 'network gone after the HTML', { unstyled: true });
    // No stylesheet: the page as the HTML has it, every generation in full, in both languages (<html lang="ko"> and
    // the English shown too: the rule that hides the other language never arrived).
    for (const g of GENERATIONS) await expect(page.locator('article.print-generation').nth(g.id - 1)).toContainText(g.heading.en, { useInnerText: true });
    expect(cut, 'the stylesheet, boot.js and the app\'s files were cut off').toBeGreaterThanOrEqual(3);
    provoked(browserProblems, /ERR_INTERNET_DISCONNECTED|Failed to fetch dynamically imported module/, 'network gone after the HTML');
  });

  test('the network dies in the middle of the wasm (a real connection cut): readable, with the message', async ({ page, app, site, browserProblems }) => {
    const proxy = await faultProxy(site.origin, { cutPath: WASM });
    try {
      await page.goto(`${proxy.origin}${new URL(app.url).pathname}#/gen/3`);
      await expectCouldNotLoad(page, 'connection cut during the wasm');
      expect(proxy.cut(), 'the wasm was cut off half-way at least once').toBeGreaterThanOrEqual(1);
    } finally {
      await proxy.close();
    }
    provoked(browserProblems, /ERR_|Failed to fetch|network error|WebAssembly/, 'connection cut during the wasm');
  });
});

// --------------------------------------------------------------------------------------------------------
// Storage

/** Every access to localStorage throws: the property itself, and any Storage method reached another way. */
const STORAGE_THROWS = () => {
  const deny = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };
  for (const m of ['getItem', 'setItem', 'removeItem', 'key', 'clear']) Storage.prototype[m] = deny;
  Object.defineProperty(Storage.prototype, 'length', { configurable: true, get: deny });
  Object.defineProperty(window, 'localStorage', { configurable: true, get: deny });
};

/** A full storage: reads work, every write throws QuotaExceededError (and is counted). */
const STORAGE_FULL = () => {
  globalThis.__e2eWrites = 0;
  Storage.prototype.setItem = function (key) {
    globalThis.__e2eWrites += 1;
    throw new DOMException(`Failed to execute 'setItem' on 'Storage': Setting the value of '${key}' exceeded the quota.`, 'QuotaExceededError');
  };
};

const settings = (page) => page.evaluate((keys) => ({
  lang: document.documentElement.lang,
  theme: document.documentElement.dataset.theme,
  select: document.querySelector('label.theme-choice select')?.value,
  current: [...document.querySelectorAll('a.lang-link[aria-current="true"]')].map((a) => a.getAttribute('hreflang')),
  title: document.title,
  saved: (() => { try { return [localStorage.getItem(keys.lang), localStorage.getItem(keys.theme)]; } catch { return 'throws'; } })(),
  writes: globalThis.__e2eWrites ?? null,
  message: !!document.querySelector('#app-error:not([hidden]), .boot-failed:not([hidden])'),
}), STORAGE);

test.describe('storage faults', () => {
  test.use({ colorScheme: 'light' });

  test('localStorage throws on every access: defaults, the switches work for the page, no error', async ({ page, context, app }) => {
    await context.addInitScript(STORAGE_THROWS);
    await app.open('#/gen/2');
    let s = await settings(page);
    expect(s, 'defaults: the browser\'s language, the system\'s theme').toMatchObject({ lang: 'ko', theme: 'light', select: 'system', current: ['ko'], saved: 'throws', message: false });
    await app.expectActive(2, 'storage throws');
    await page.getByRole('combobox', { name: KO.ui.theme }).selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.locator('a.lang-link[hreflang="en"]').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await app.expectHash('#/gen/2?lang=en');
    await page.keyboard.press('End');
    await app.expectActive(6, 'a key, with storage throwing');
    s = await settings(page);
    expect(s, 'both switches held for the page').toMatchObject({ lang: 'en', theme: 'dark', select: 'dark', title: EN.docTitle(6), message: false });
  });

  test('localStorage is full (QuotaExceededError on setItem): the switches work, the older saved values stay', async ({ page, context, app }) => {
    // Saved by an earlier visit: English, dark. Then the storage fills up.
    await app.open('#/');
    await page.evaluate((keys) => { localStorage.setItem(keys.lang, 'en'); localStorage.setItem(keys.theme, 'dark'); }, STORAGE);
    await context.addInitScript(STORAGE_FULL);
    await app.open('#/gen/4');
    let s = await settings(page);
    expect(s, 'what was saved still applies').toMatchObject({ lang: 'en', theme: 'dark', select: 'dark', saved: ['en', 'dark'], writes: 0, title: EN.docTitle(4) });

    await page.getByRole('combobox', { name: EN.ui.theme }).selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.locator('a.lang-link[hreflang="ko"]').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await app.expectHash('#/gen/4?lang=ko');
    s = await settings(page);
    expect(s, 'the switches held; the writes were tried and refused').toMatchObject({ lang: 'ko', theme: 'light', select: 'light', saved: ['en', 'dark'], title: KO.docTitle(4), message: false });
    expect(s.writes, 'the app tried to save both choices').toBeGreaterThanOrEqual(2);

    // A reload: the link keeps the language; the theme is the one that could be saved, the older one.
    await page.reload();
    await app.ready();
    s = await settings(page);
    expect(s, 'after a reload').toMatchObject({ lang: 'ko', theme: 'dark', select: 'dark', message: false });
  });

  test.describe('values from a future version', () => {
    // A dark system and an English browser, so that "the default" is visibly not "whatever comes first".
    test.use({ colorScheme: 'dark', locale: 'en-US' });

    test('wie.theme = "sepia", wie.lang = "fr": the system\'s theme and the browser\'s language, left alone until the reader chooses', async ({ page, app }) => {
      await app.open('#/');
      await page.evaluate((keys) => { localStorage.setItem(keys.lang, 'fr'); localStorage.setItem(keys.theme, 'sepia'); }, STORAGE);
      // boot.js decides before the first paint; the app must agree with it.
      await page.goto('about:blank');
      const early = page.waitForEvent('domcontentloaded').then(() => page.evaluate(() => [document.documentElement.dataset.theme, document.documentElement.lang]));
      await page.goto(`${app.url}#/gen/5`);
      await app.ready();
      expect(await early, 'before the app: the system\'s dark theme, the browser\'s English').toEqual(['dark', 'en']);
      let s = await settings(page);
      expect(s, 'defaults, and the unknown values left as they are').toMatchObject({ lang: 'en', theme: 'dark', select: 'system', current: ['en'], saved: ['fr', 'sepia'], title: EN.docTitle(5), message: false });
      await app.expectActive(5, 'future values');

      await page.getByRole('combobox', { name: EN.ui.theme }).selectOption('light');
      await page.locator('a.lang-link[hreflang="ko"]').click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
      s = await settings(page);
      expect(s, 'the reader\'s choices replace them').toMatchObject({ lang: 'ko', theme: 'light', saved: ['ko', 'light'] });
    });
  });
});

// --------------------------------------------------------------------------------------------------------
// The service worker's cache (the offline copy), on the scratch site (offline.test.mjs has the basics).

test.describe('offline copy faults', () => {
  // A scratch site of their own (offline.test.mjs runs on `scratch` meanwhile), and one after the other on it.
  test.use({ scratch: 'faults' });
  test.describe.configure({ mode: 'default' });

  /** Waits until a service worker controls the page. */
  const controlled = (app) => expect.poll(() => app.probe(() => navigator.serviceWorker.controller?.state ?? null),
    { message: 'an active service worker controls the page', timeout: 20_000 }).toBe('activated');
  const ourCaches = (page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('web-infra:')));

  test('the cache is deleted while the app is open, then the network goes: the open app goes on; a reload says offline; back online it is repaired', async ({ page, context, app, scratchSite, browserProblems }) => {
    await app.open('#/gen/2', { url: scratchSite.url });
    await controlled(app);
    await page.evaluate(async () => { for (const k of await caches.keys()) await caches.delete(k); });
    expect(await ourCaches(page)).toEqual([]);
    await context.setOffline(true);
    // What is loaded keeps working: keys, clicks, language.
    await page.keyboard.press('ArrowRight');
    await app.expectActive(3, 'offline, cache gone: a key');
    await app.node(5).click();
    await app.expectActive(5, 'offline, cache gone: a click');
    await page.locator('a.lang-link[hreflang="en"]').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    // A reload has nothing to come from: the worker's own bilingual offline page, not the browser's error.
    await page.reload();
    await expect(page.locator('h1')).toHaveText(/오프라인 · Offline/);
    await expect(page.locator('p[lang="en"]')).toContainText('not saved on this device');
    // The 503 of that page, and what the worker could not answer (icon.svg) or the browser asked the network for.
    provoked(browserProblems, /status of 503|ERR_FAILED|ERR_INTERNET_DISCONNECTED/, 'offline without a cache');

    // Online again: the app, and the worker puts what it fetched back into the cache.
    await context.setOffline(false);
    await page.reload();
    await app.ready();
    await app.expectActive(5, 'online again');
    await expect.poll(() => ourCaches(page), { message: 'the cache is back' }).toHaveLength(1);
    await context.setOffline(true);
    await page.reload();
    await app.ready();
    await app.expectActive(5, 'offline again, from the repaired cache');
  });

  test('the cached wasm is damaged while the app is open, then the network goes: repaired from what the browser has; with nothing left, the page and the message; never a mix', async ({ page, context, app, scratchSite, browserProblems }) => {
    await app.open('#/gen/1', { url: scratchSite.url });
    await controlled(app);
    const wasmFile = readdirSync(scratchSite.root).find((f) => WASM.test(`/${f}`)); // the app's (not the tools')
    const size = readFileSync(join(scratchSite.root, wasmFile)).length;
    /** Flips one byte of the cached wasm (same length); returns the cached copy's size. */
    const damage = () => page.evaluate(async () => {
      const cache = await caches.open((await caches.keys()).find((k) => k.startsWith('web-infra:')));
      const req = (await cache.keys()).find((r) => /\/web-infra-evolution-[0-9a-f]{8,16}_bg\.wasm$/.test(new URL(r.url).pathname));
      const bytes = new Uint8Array(await (await cache.match(req)).arrayBuffer());
      bytes[bytes.length >> 1] ^= 0xff;
      await cache.put(req, new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } }));
    });
    /** The cached wasm, if it is byte for byte the build's: its size, else 0. */
    const cachedWasm = (file) => page.evaluate(async (f) => {
      const cache = await caches.open((await caches.keys()).find((k) => k.startsWith('web-infra:')));
      const res = await cache.match(new URL(f, location.href));
      return res ? (await res.arrayBuffer()).byteLength : 0;
    }, file);
    const appRequests = (mark) => scratchSite.requests().slice(mark).filter((r) => !r.uri.endsWith('/sw.js'));

    // 1. Damaged, then offline: the open app goes on; a reload is served whole: the worker refuses the damaged copy
    //    (its sha256 is not the build's) and takes the wasm from the browser's HTTP cache, which it still has.
    await damage();
    await context.setOffline(true);
    await page.keyboard.press('ArrowRight');
    await app.expectActive(2, 'offline, damaged wasm: the open app goes on');
    let mark = scratchSite.requests().length;
    await page.reload();
    await app.ready();
    await app.expectActive(2, 'offline reload, wasm from the HTTP cache');
    expect(await cachedWasm(wasmFile), 'the cache was repaired').toBe(size);
    expect(appRequests(mark), 'offline: nothing reached the server').toEqual([]);

    // 2. Damaged again, and the HTTP cache emptied too: nothing left to run. The page stays readable and says the
    //    app could not load; never the damaged bytes, never a file of another version.
    await damage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    mark = scratchSite.requests().length;
    await page.reload();
    await expectCouldNotLoad(page, 'offline, damaged wasm, empty HTTP cache');
    provoked(browserProblems, /ERR_|Failed to fetch|failed to fetch|TypeError/, 'offline, damaged wasm, empty HTTP cache');
    expect(appRequests(mark), 'offline: nothing reached the server').toEqual([]);

    // 3. Online again: repaired from the network; then offline works again.
    await context.setOffline(false);
    await page.reload();
    await app.ready();
    await app.expectActive(2, 'online again');
    expect(appRequests(mark).map((r) => r.uri), 'the wasm came from the network').toContain(`${new URL(scratchSite.url).pathname}${wasmFile}`);
    expect(await cachedWasm(wasmFile), 'the cache was repaired').toBe(size);
    await context.setOffline(true);
    await page.reload();
    await app.ready();
    await app.expectActive(2, 'offline again, repaired');
  });

  /**
   * The reader has the app open (from the scratch site, through a proxy that can cut the network for real), the
   * network goes, a new version is deployed. Returns { proxy, url, done }.
   */
  async function deployWhileOffline(page, app, scratchSite) {
    const proxy = await faultProxy(scratchSite.origin);
    const url = `${proxy.origin}${new URL(scratchSite.url).pathname}`;
    const tmp = mkdtempSync(join(tmpdir(), 'e2e-deploy-'));
    await app.open('#/gen/2', { url });
    await controlled(app);
    proxy.offline = true;
    changedBuild(scratchSite.root, join(tmp, 'v2'));
    scratchSite.deploy(join(tmp, 'v2'));
    return { proxy, url, tmp, done: async () => { await proxy.close(); rmSync(tmp, { recursive: true, force: true }); } };
  }
  /** The tab becomes visible again (sw-register.js looks for a new version then, and hourly). */
  const backToTheTab = (page) => page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));

  test('a deploy while the reader is offline: after reconnecting, returning to the tab brings the update prompt, once (also after one more deploy)', async ({ page, app, scratchSite, browserProblems }) => {
    const { proxy, tmp, done } = await deployWhileOffline(page, app, scratchSite);
    try {
      // Offline, the reader reads on; looking for an update fails quietly.
      await backToTheTab(page);
      await page.keyboard.press('ArrowRight');
      await app.expectActive(3, 'offline after the deploy');
      await page.waitForTimeout(1000);
      await expect(page.locator('.sw-update'), 'no prompt while offline').toHaveCount(0);

      proxy.offline = false;
      await backToTheTab(page);
      const prompt = page.locator('.sw-update[role="status"]');
      await expect(prompt, 'the update prompt after reconnecting').toBeVisible({ timeout: 20_000 });
      for (const re of UPDATE_PROMPT.text) await expect(prompt).toContainText(re);
      // More looks for updates, and one more deploy found while the prompt is up: still one prompt, and it
      // offers the newest version.
      for (let i = 0; i < 3; i++) await backToTheTab(page);
      await page.evaluate(async () => { globalThis.__e2eV2 = (await navigator.serviceWorker.getRegistration()).waiting; });
      const v3 = changedBuild(scratchSite.root, join(tmp, 'v3'));
      scratchSite.deploy(join(tmp, 'v3'));
      // Each poll looks again: a look started before the deploy may still be running, and the browser merges a
      // look asked for meanwhile into it (the service worker spec's equivalent update jobs), so one look may miss v3.
      await expect.poll(() => page.evaluate(async () => {
        document.dispatchEvent(new Event('visibilitychange'));
        const waiting = (await navigator.serviceWorker.getRegistration()).waiting;
        return !!waiting && waiting !== globalThis.__e2eV2 && waiting.state === 'installed';
      }), { message: 'the third version was found and waits', timeout: 20_000 }).toBe(true);
      await page.waitForTimeout(500);
      await expect(page.locator('.sw-update'), 'one prompt').toHaveCount(1);
      await app.expectActive(3, 'the old version goes on until the reader accepts');
      await prompt.getByRole('button', { name: UPDATE_PROMPT.button }).click();
      await page.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--deploy-marker').trim() === '"v2"', null, { timeout: 15_000 });
      await app.ready();
      await app.expectActive(3, 'the new version keeps the deep link');
      await expect(page.locator('script[data-js]'), 'the newest version, whole').toHaveAttribute('data-js', `./${v3.js}`);
      await expect(page.locator('.sw-update'), 'no prompt in the new version').toHaveCount(0);
    } finally {
      await done();
    }
    browserProblems.take(/sw\.js|ServiceWorker|ERR_CONNECTION|ERR_EMPTY_RESPONSE/);
  });

  // sw-register.js looks for a new version when the tab is shown again, hourly, and when the network comes back
  // ("online"): a reader who stays on the tab sees the prompt on reconnecting.
  test('a deploy while the reader is offline: reconnecting alone brings the update prompt', async ({ page, context, app, scratchSite, browserProblems }) => {
    const { proxy, done } = await deployWhileOffline(page, app, scratchSite);
    try {
      // The browser's own offline signal too, so that an "online" event fires on reconnect.
      await context.setOffline(true);
      await page.waitForTimeout(500);
      proxy.offline = false;
      await context.setOffline(false);
      await expect(page.locator('.sw-update[role="status"]')).toBeVisible({ timeout: 5000 });
    } finally {
      await done();
      browserProblems.take(/sw\.js|ServiceWorker|ERR_CONNECTION|ERR_EMPTY_RESPONSE/);
    }
  });
});
