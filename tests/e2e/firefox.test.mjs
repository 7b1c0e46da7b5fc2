// The core flows in a second engine: Debian's Firefox ESR (/usr/bin/firefox-esr, or FIREFOX=…), driven over
// WebDriver BiDi by puppeteer-core from inside this Playwright suite (no downloaded browser; never
// `npx puppeteer browsers install`). Same nginx, same sub-path, same build.
//
// The flow (load, select, keys, deep link and reload, back/forward, language, theme, bad link, a phone tap) runs in
// Firefox AND in the suite's Chromium through one small driver, and each step is checked twice: against what the
// app must show (hash, active node, view, title, language, theme, notice), and against the other engine on what
// may differ between engines (where focus went, the scroll position, whether the heading is on screen). A
// difference fails the test, unless it is listed in ENGINE_DIFFERENCES with the reason; every difference seen is
// attached to the report either way.
// Then, in Firefox: offline after the first visit (the network cut for real by a proxy, service worker and all),
// and the single file from file://.
// A console error, an uncaught error or a CSP violation in Firefox fails the test, as in Chromium (fixtures.mjs).
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { test, expect, faultProxy } from './fixtures.mjs';
import { SINGLE } from './server.mjs';
import { words } from './content.mjs';

const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const DOWNLOADS = mkdtempSync(join(tmpdir(), 'e2e-firefox-downloads-'));
const KO = words('ko');
const EN = words('en');

/**
 * Where the engines differ today, as `step: { field: { firefox, chromium, why } }`: the exact values seen in each, so
 * that a change on either side (a fix in the app, a new browser) fails the test until this list follows it. Every
 * other step and field must agree.
 */
// Empty today. The first run of this file found one: after Back/Forward between two #/gen/… entries Firefox blurs the
// focused timeline node before popstate, and the app left focus on <body> where Chromium brought it to the new node
// (fixed in src/focus.rs, 8dc106b).
const ENGINE_DIFFERENCES = {};

// One Firefox for the file, its tests one after the other.
test.describe.configure({ mode: 'default' });

const ftest = test.extend({
  firefox: [async ({}, use) => {
    if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} not found: run scripts/setup.sh (it installs firefox-esr)`);
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // The functional project's reader: Korean browser, light system theme, motion allowed.
      extraPrefsFirefox: {
        'intl.accept_languages': 'ko-KR, ko', 'ui.systemUsesDarkTheme': 0, 'ui.prefersReducedMotion': 0,
        // Downloads (the export) into a folder of the test's own, without asking.
        'browser.download.folderList': 2, 'browser.download.dir': DOWNLOADS, 'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
      },
    });
    await use(browser);
    await browser.close();
  }, { scope: 'worker' }],

  /** A fresh Firefox context and page, watched for console errors, uncaught errors and CSP violations. */
  ffPage: async ({ firefox }, use) => {
    const context = await firefox.createBrowserContext();
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console.error: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    // Firefox does not hand its own CSP reports to BiDi: the page reports them on the console (above).
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`));
    });
    await page.setViewport({ width: 1280, height: 720 });
    page.problems = problems;
    await use(page);
    await context.close();
    expect(problems, 'Firefox: console errors, uncaught errors and CSP violations').toEqual([]);
  },
});

// --------------------------------------------------------------------------------------------------------
// One driver over both engines

/** The verbs the flow needs, over a Playwright page (Chromium) or a puppeteer page (Firefox). */
function driver(engine, page) {
  const firefox = engine === 'firefox';
  return {
    engine,
    page,
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitFor: (fn, arg, timeout = 10_000) => (firefox ? page.waitForFunction(fn, { timeout, polling: 'raf' }, arg) : page.waitForFunction(fn, arg, { timeout })),
    /** A full load of `url` (about:blank first: a hash-only change would not load anything). */
    load: async (url) => {
      await page.goto('about:blank');
      await page.goto(url);
    },
    reload: () => page.reload(),
    press: (key) => page.keyboard.press(key),
    click: (selector) => page.click(selector),
    select: (selector, value) => (firefox ? page.select(selector, value) : page.selectOption(selector, value)),
    viewport: (width, height) => (firefox ? page.setViewport({ width, height }) : page.setViewportSize({ width, height })),
  };
}

/** What the page shows, in one read (in the page). */
function readState() {
  const describe = (e) => {
    if (!e || e === document.body || e === document.documentElement) return 'body';
    const gen = e.dataset?.gen ? `[data-gen="${e.dataset.gen}"]` : '';
    return `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${gen}${e.classList.length ? `.${[...e.classList].join('.')}` : ''}`;
  };
  const shown = (el) => !!el && !el.closest('[hidden]') && el.getClientRects().length > 0;
  const detail = document.querySelector('article.detail');
  const heading = [...document.querySelectorAll('#detail-heading, #overview-heading')].find(shown);
  const notice = document.querySelector('.notice[role="status"]');
  const box = heading?.getBoundingClientRect();
  // Where the page is scrolled to, in terms that do not depend on the engine's text layout (the header's height
  // differs with the fonts): at the top, or with the detail brought to the top of the screen (its scroll-margin).
  // Scroll positions are whole pixels and the detail's place in the page is not (12.47 px in Chromium, 12.7 in
  // Firefox after the same tap): within a pixel of its scroll-margin is "at its scroll-margin".
  const top = detail && shown(detail) ? detail.getBoundingClientRect().top : null;
  const margin = detail ? parseFloat(getComputedStyle(detail).scrollMarginTop) || 0 : 0;
  const scroll = scrollY < 1 ? 'top of the page'
    : top != null && Math.abs(top - margin) <= 1 ? 'detail at its scroll-margin'
    : top != null && top >= 0 && top <= 24 ? `detail at ${Math.round(top)}px` : 'scrolled';
  return {
    ready: !document.getElementById('boot') && !document.querySelector('#app[data-prerendered]'),
    hash: location.hash,
    active: [...document.querySelectorAll('a.node[aria-current]')].map((a) => `${a.dataset.gen}:${a.getAttribute('aria-current')}`).join(),
    view: shown(detail) ? `gen ${detail.dataset.gen}` : shown(document.querySelector('section.overview')) ? 'overview' : 'nothing',
    title: document.title,
    lang: document.documentElement.lang,
    theme: document.documentElement.dataset.theme,
    notice: shown(notice) ? notice.innerText.trim() : null,
    // What may differ between engines:
    heading: heading ? heading.innerText.trim() : null,
    focus: describe(document.activeElement),
    scroll,
    headingOnScreen: box ? box.top >= -1 && box.bottom <= innerHeight + 1 : null,
  };
}

const MUST = ['ready', 'hash', 'active', 'view', 'title', 'lang', 'theme'];
const MAY_DIFFER = ['heading', 'focus', 'scroll', 'headingOnScreen'];

/** What must be shown for generation `n` (null: the overview) in `lang`, with `theme`. */
function shows(n, { lang = 'ko', theme = 'light', hash } = {}) {
  const w = words(lang);
  return {
    ready: true,
    hash: hash ?? (n == null ? '#/' : `#/gen/${n}`),
    active: n == null ? '' : `${n}:step`,
    view: n == null ? 'overview' : `gen ${n}`,
    title: n == null ? w.title : w.docTitle(n),
    lang,
    theme,
  };
}

/**
 * The core flow: a list of steps, each an action and what must be shown after it. `url`: the app under the
 * sub-path.
 */
function flow(url) {
  const en = { lang: 'en' };
  return [
    ['load under the sub-path', (d) => d.load(url), shows(null, { hash: '' })],
    ['click generation 3', (d) => d.click('a.node[data-gen="3"]'), shows(3)],
    ['→', (d) => d.press('ArrowRight'), shows(4)],
    ['←', (d) => d.press('ArrowLeft'), shows(3)],
    ['End', (d) => d.press('End'), shows(6)],
    ['Home', (d) => d.press('Home'), shows(1)],
    ...[5, 2, 6, 1, 4, 3].map((n) => [String(n), (d) => d.press(String(n)), shows(n)]),
    ['Esc', (d) => d.press('Escape'), shows(null)],
    ['deep link #/gen/5', (d) => d.load(`${url}#/gen/5`), shows(5)],
    ['reload', (d) => d.reload(), shows(5)],
    ['click generation 6', (d) => d.click('a.node[data-gen="6"]'), shows(6)],
    ['back', (d) => d.evaluate(() => history.back()), shows(5)],
    ['forward', (d) => d.evaluate(() => history.forward()), shows(6)],
    ['English', (d) => d.click('a.lang-link[hreflang="en"]'), shows(6, { ...en, hash: '#/gen/6?lang=en' })],
    ['theme: dark', (d) => d.select('label.theme-choice select', 'dark'), shows(6, { ...en, theme: 'dark', hash: '#/gen/6?lang=en' })],
    ['reload keeps language and theme', (d) => d.reload(), shows(6, { ...en, theme: 'dark', hash: '#/gen/6?lang=en' })],
    ['Korean', (d) => d.click('a.lang-link[hreflang="ko"]'), shows(6, { theme: 'dark', hash: '#/gen/6?lang=ko' })],
    ['theme: system', (d) => d.select('label.theme-choice select', 'system'), shows(6, { hash: '#/gen/6?lang=ko' })],
    ['bad link #/gen/9?lang=en', (d) => d.load(`${url}#/gen/9?lang=en`), { ...shows(null, { ...en, hash: '#/gen/9?lang=en' }), notice: true }],
    ['bad link typed: #%%%', (d) => d.evaluate(() => { location.hash = '#%%%'; }), { ...shows(null, { hash: '#%%%' }), notice: true }],
    ['phone: 375×812, tap generation 4', async (d) => {
      await d.load(`${url}#/`);
      await d.viewport(375, 812);
      await d.click('a.node[data-gen="4"]');
    }, shows(4)],
    ['phone: →', (d) => d.press('ArrowRight'), shows(5)],
  ];
}

/** Waits until scrolling has stopped (smooth scrolling, the reveal of the detail) for a few frames. */
const scrollSettled = () => new Promise((resolve) => {
  let last = -1;
  let still = 0;
  const t0 = performance.now();
  const tick = () => {
    still = scrollY === last ? still + 1 : 0;
    last = scrollY;
    if (still >= 5 || performance.now() - t0 > 3000) resolve();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});

/** Runs the flow with `d`; returns [{ step, state }], checking each step's must-haves as it goes. */
async function run(d, url) {
  const out = [];
  for (const [step, act, want] of flow(url)) {
    await act(d);
    const { notice, ...must } = want;
    // Until the step's must-haves show (or 10 s: the comparison below then says what differs).
    const deadline = Date.now() + 10_000;
    for (;;) {
      const s = await d.evaluate(readState).catch(() => null); // (between documents: no answer yet)
      if ((s && MUST.every((k) => s[k] === must[k]) && (s.notice != null) === !!notice) || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await d.evaluate(scrollSettled);
    const state = await d.evaluate(readState);
    expect(Object.fromEntries(MUST.map((k) => [k, state[k]])), `${d.engine}, ${step}`).toEqual(must);
    expect(state.notice != null, `${d.engine}, ${step}: the bad-link notice ${notice ? '' : 'not '}shown`).toBe(!!notice);
    if (notice) expect(state.notice, `${d.engine}, ${step}: the notice in the link's language`).toContain(words(want.lang).ui.noticeOverview);
    out.push({ step, state });
  }
  return out;
}

ftest('Firefox ESR and Chromium, the same flow: sub-path, select, keys, deep link, reload, back/forward, language, theme, bad link, phone', async ({ ffPage, page, site }, testInfo) => {
  const ff = await run(driver('firefox', ffPage), site.url);
  const ch = await run(driver('chromium', page), site.url);

  const differences = [];
  for (const [i, { step, state }] of ff.entries()) {
    for (const k of MAY_DIFFER) {
      if (state[k] !== ch[i].state[k]) differences.push({ step, field: k, firefox: state[k], chromium: ch[i].state[k] });
    }
  }
  await testInfo.attach('engine-differences.json', { body: JSON.stringify(differences, null, 2), contentType: 'application/json' });
  await testInfo.attach('steps.json', { body: JSON.stringify({ firefox: ff, chromium: ch }, null, 2), contentType: 'application/json' });
  for (const d of differences.filter((x) => ENGINE_DIFFERENCES[x.step]?.[x.field])) {
    testInfo.annotations.push({ type: 'engine difference', description: `${d.step}, ${d.field}: Firefox ${JSON.stringify(d.firefox)}, Chromium ${JSON.stringify(d.chromium)}` });
  }
  const listed = Object.entries(ENGINE_DIFFERENCES).flatMap(([step, fields]) => Object.entries(fields).map(([field, { firefox, chromium }]) => ({ step, field, firefox, chromium })));
  expect(differences, 'Firefox and Chromium differ where ENGINE_DIFFERENCES does not say so, or no longer differ where it does (fix the app, or update the list with why)').toEqual(listed);
  // Every file of the app came from the sub-path in Firefox too, and the wasm ran.
  const files = await ffPage.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  expect(files.filter((p) => /\.(wasm|js|css)$/.test(p)).length, 'Firefox loaded the app\'s files').toBeGreaterThanOrEqual(3);
  for (const p of files) expect(p, 'every file from the sub-path').toMatch(/^\/a\/b\/web-infra\//);
});

ftest('Firefox ESR: offline after the first visit (the network cut for real): reload, a deep link and ?lang=en open from the cache', async ({ ffPage, site }) => {
  const proxy = await faultProxy(site.origin);
  try {
    const url = `${proxy.origin}${new URL(site.url).pathname}`;
    const d = driver('firefox', ffPage);
    await d.load(`${url}#/gen/2`);
    await d.waitFor(() => navigator.serviceWorker?.controller?.state === 'activated', undefined, 20_000);
    proxy.offline = true;
    for (const [what, act, n, lang] of [
      ['reload', () => d.reload(), 2, 'ko'],
      ['deep link', () => d.load(`${url}#/gen/4`), 4, 'ko'],
      ['English link', () => d.load(`${url}#/gen/6?lang=en`), 6, 'en'],
    ]) {
      await act();
      await d.waitFor((w) => !document.getElementById('boot') && !document.querySelector('#app[data-prerendered]')
        && document.querySelector('a.node[aria-current="step"]')?.dataset.gen === String(w.n), { n });
      const s = await d.evaluate(readState);
      expect({ view: s.view, lang: s.lang, title: s.title }, `offline ${what}`).toEqual({ view: `gen ${n}`, lang, title: words(lang).docTitle(n) });
    }
    await d.press('ArrowLeft');
    await d.waitFor(() => location.hash === '#/gen/5?lang=en');
    // The browser's own update checks of sw.js aside, nothing was asked of the network: the worker answered.
    expect(proxy.refused().filter((p) => !p.endsWith('/sw.js')), 'offline: nothing went to the network').toEqual([]);
  } finally {
    await proxy.close();
  }
});

ftest('Firefox ESR: the single file from file://: select a node, keys, deep link, tables', async ({ ffPage }) => {
  const d = driver('firefox', ffPage);
  await d.load(`file://${SINGLE}#/gen/3`);
  await d.waitFor(() => !document.getElementById('boot') && !document.querySelector('#app[data-prerendered]'));
  let s = await d.evaluate(readState);
  expect({ view: s.view, title: s.title, hash: s.hash }).toEqual({ view: 'gen 3', title: KO.docTitle(3), hash: '#/gen/3' });
  await d.click('a.node[data-gen="5"]');
  await d.waitFor(() => location.hash === '#/gen/5');
  await d.press('End');
  await d.waitFor(() => document.querySelector('a.node[aria-current="step"]')?.dataset.gen === '6');
  await d.click('a.lang-link[hreflang="en"]');
  await d.waitFor(() => document.documentElement.lang === 'en');
  s = await d.evaluate(readState);
  expect({ view: s.view, title: s.title, hash: s.hash }).toEqual({ view: 'gen 6', title: EN.docTitle(6), hash: '#/gen/6?lang=en' });
  expect(await d.evaluate(() => document.querySelectorAll('table.gen-table tbody tr').length), 'both tables').toBe(12);
});

// The export's writers are a second wasm the page's loader imports on the first export (issue 9): in Firefox too,
// fetched once, the files downloaded, the status said.
ftest('Firefox ESR: export on first use (the tools\' wasm imported once): JSON and CSV downloaded', async ({ ffPage, site }) => {
  const d = driver('firefox', ffPage);
  await d.load(`${site.url}#/gen/2`);
  await d.waitFor(() => !document.getElementById('boot') && !document.querySelector('#app[data-prerendered]'));
  expect(await d.evaluate(() => performance.getEntriesByType('resource').filter((r) => /\/tools-/.test(r.name)).length), 'nothing of the tools at first').toBe(0);
  await d.click('details.export summary');
  for (const [action, file] of [['export-json', 'web-infra-evolution.json'], ['export-items-csv', 'web-infra-evolution-gen2.ko.csv']]) {
    await d.evaluate(() => { document.getElementById('tools-status').textContent = ''; });
    await d.click(`[data-action="${action}"]`);
    await d.waitFor(() => document.getElementById('tools-status').textContent === '파일을 내려받았습니다.');
    await expect.poll(() => readdirSync(DOWNLOADS).includes(file), { message: `${file} downloaded` }).toBe(true);
  }
  expect(JSON.parse(readFileSync(join(DOWNLOADS, 'web-infra-evolution.json'), 'utf8')).version, 'the JSON reads back').toBe(1);
  const tools = await d.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name.replace(/.*\//, '')).filter((n) => n.startsWith('tools-')));
  expect(tools.map((n) => n.replace(/[0-9a-f]{16}/, 'H')).sort(), 'fetched once').toEqual(['tools-H.js', 'tools-H_bg.wasm']);
});
