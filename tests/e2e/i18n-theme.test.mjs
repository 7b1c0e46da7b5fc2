// Language (URL > saved > browser), theme (saved > system), storage that fails, and screenshots of every
// language × theme × size. Run from the repository root:
//   node --test --test-concurrency=1 tests/e2e/i18n-theme.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  useServer, appTest, open, ready, settle, waitFor, snapshot, watchErrors, artifacts, expectNone, WORDS, NODE_TITLES, HANGUL, ROOT,
} from './support.mjs';

const env = useServer();

/** A full load of `hash` (a hash-only goto would be a same-document navigation, not a load). */
async function load(page, hash) {
  await page.goto('about:blank');
  await open(page, env.server.url, hash);
}

/** Saves `values` in the app's localStorage (null removes), then leaves the page. */
async function save(page, values) {
  await load(page, '#/');
  await page.evaluate((v) => {
    for (const [k, x] of Object.entries(v)) (x == null ? localStorage.removeItem(k) : localStorage.setItem(k, x));
  }, values);
  await page.goto('about:blank');
}

function expectLang(s, lang, what) {
  assert.equal(s.lang, lang, `${what}: <html lang> (${JSON.stringify(s)})`);
  assert.deepEqual(s.current, [lang], `${what}: the language switch marks ${lang} as current`);
}

// --------------------------------------------------------------------------------------------------------
// Language

appTest(env, 'language: ?lang=en in the URL beats a saved ko (and ?lang=ko beats a saved en)', async ({ page }) => {
  await save(page, { 'wie.lang': 'ko' });
  await load(page, '#/gen/3?lang=en');
  let s = await snapshot(page);
  expectLang(s, 'en', '?lang=en with ko saved');
  assert.equal(s.title, WORDS.en.gen3Title);
  assert.equal(s.active, '3');
  assert.equal(s.savedLang, 'ko', 'following a link does not overwrite the saved choice');

  await save(page, { 'wie.lang': 'en' });
  await load(page, '#/gen/3?lang=ko');
  s = await snapshot(page);
  expectLang(s, 'ko', '?lang=ko with en saved');
  assert.equal(s.title, WORDS.ko.gen3Title);
});

appTest(env, 'language: a saved en beats a ko-KR browser', { context: { locale: 'ko-KR' } }, async ({ page }) => {
  assert.equal(await page.evaluate(() => navigator.languages[0]), 'ko-KR');
  await save(page, { 'wie.lang': 'en' });
  await load(page, '#/');
  const s = await snapshot(page);
  expectLang(s, 'en', 'saved en, browser ko-KR');
  assert.equal(s.title, WORDS.en.title);
  assert.equal(s.hash, '#/', 'the URL is not rewritten on load');
  assert.equal((await page.locator('#overview-heading').innerText()).trim(), WORDS.en.overviewHeading);
});

appTest(env, 'language: nothing saved, en-US browser → English, title and <html lang> in English', { context: { locale: 'en-US' } }, async ({ page }) => {
  assert.equal(await page.evaluate(() => navigator.languages[0]), 'en-US');
  await load(page, '#/');
  let s = await snapshot(page);
  expectLang(s, 'en', 'browser en-US');
  assert.equal(s.title, WORDS.en.title);
  assert.equal(s.savedLang, null, 'nothing saved by merely visiting');
  assert.ok(await page.getByRole('button', { name: WORDS.en.play, exact: true }).isVisible());
  await load(page, '#/gen/3');
  s = await snapshot(page);
  assert.equal(s.title, WORDS.en.gen3Title);
  assert.match((await page.locator('#detail-heading').innerText()).trim(), /^The Container Era \(Containerization\)$/);
});

appTest(env, 'language: nothing saved, ko-KR browser → Korean', { context: { locale: 'ko-KR' } }, async ({ page }) => {
  await load(page, '#/gen/3');
  const s = await snapshot(page);
  expectLang(s, 'ko', 'browser ko-KR');
  assert.equal(s.title, WORDS.ko.gen3Title);
});

for (const [locale, lang] of [['en-US', 'en'], ['ko-KR', 'ko']]) {
  appTest(env, `language: ?lang=fr falls back quietly to the browser's (${locale} → ${lang}): no notice, no console error`, { context: { locale } }, async ({ page }) => {
    await load(page, '#/gen/2?lang=fr');
    const s = await snapshot(page);
    expectLang(s, lang, '?lang=fr');
    assert.equal(s.active, '2', 'the generation in the link still applies');
    assert.equal(await page.locator('.notice, [role="status"]').count(), 0, 'no bad-link notice for an unknown language');
    assert.equal(s.savedLang, null);
    // (appTest fails the test on any console error or page error.)
  });
}

appTest(env, 'language: switching keeps the generation, writes ?lang= (replace, not push), saves it, survives reload', async ({ page }) => {
  await load(page, '#/gen/4');
  let s = await snapshot(page);
  expectLang(s, 'ko', 'start');
  const historyLength = s.historyLength;
  assert.equal(await page.locator('a.lang-link[hreflang="en"]').getAttribute('href'), '#/gen/4?lang=en', 'the English link is the same page in English');
  assert.equal(await page.locator('a.lang-link[hreflang="ko"]').getAttribute('lang'), 'ko');

  await page.locator('a.lang-link[hreflang="en"]').click();
  await waitFor(page, () => document.documentElement.lang === 'en', null, 'html lang becomes en');
  s = await snapshot(page);
  expectLang(s, 'en', 'after clicking English');
  assert.equal(s.hash, '#/gen/4?lang=en');
  assert.equal(s.active, '4', 'still generation 4');
  assert.equal(s.title, 'Generation 4: Orchestration Era — Web Infrastructure Evolution');
  assert.equal(s.savedLang, 'en', 'saved');
  assert.equal(s.historyLength, historyLength, 'the URL was replaced, not pushed');
  assert.equal(await page.locator('a.lang-link[hreflang="ko"]').getAttribute('aria-current'), null);
  assert.match(await page.locator('#detail-heading').innerText(), /^The Container Orchestration Era/);
  assert.ok(await page.getByRole('button', { name: WORDS.en.toOverview }).isVisible());
  assert.ok(await page.getByRole('table', { name: WORDS.en.summaryCaption }).isVisible());

  await page.reload();
  await ready(page);
  s = await snapshot(page);
  expectLang(s, 'en', 'after reload');
  assert.equal(s.active, '4');
  assert.equal(s.hash, '#/gen/4?lang=en');

  // The language rides along when moving on (click, key).
  await page.locator('a.node[data-gen="5"]').click();
  await waitFor(page, () => location.hash === '#/gen/5?lang=en', null, 'clicking node 5 keeps ?lang=en');
  await page.keyboard.press('ArrowRight');
  await waitFor(page, () => location.hash === '#/gen/6?lang=en', null, 'ArrowRight keeps ?lang=en');
  assert.equal((await snapshot(page)).title, 'Generation 6: Edge & Decentralized Infrastructure — Web Infrastructure Evolution');

  // Back to Korean.
  await page.locator('a.lang-link[hreflang="ko"]').click();
  await waitFor(page, () => document.documentElement.lang === 'ko', null, 'html lang becomes ko');
  s = await snapshot(page);
  expectLang(s, 'ko', 'after clicking 한국어');
  assert.equal(s.hash, '#/gen/6?lang=ko');
  assert.equal(s.title, '6세대: 에지 & 분산형 인프라 — 웹 인프라 진화');
  assert.equal(s.savedLang, 'ko');

  // A plain link without ?lang= in the same browser now opens in the saved language.
  await save(page, { 'wie.lang': 'en' });
  await load(page, '#/gen/2');
  expectLang(await snapshot(page), 'en', 'plain link with en saved');
});

/** Hangul in what a reader sees or hears: visible text, accessible names and descriptions, the title. */
function readableText(page) {
  return page.evaluate(() => {
    const attrs = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('.print-edition')) continue; // display: none on screen
      for (const a of ['aria-label', 'aria-valuetext', 'title', 'alt', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v) attrs.push(`${el.tagName.toLowerCase()}[${a}]=${v}`);
      }
    }
    const options = [...document.querySelectorAll('option')].map((o) => `option=${o.textContent}`);
    return { text: document.body.innerText, attrs, options, title: document.title };
  });
}

appTest(env, 'language: the English page has no Hangul except the 한국어 link (text, labels, options, announcements, title)', async ({ page }) => {
  const found = [];
  const scan = async (where) => {
    const r = await readableText(page);
    const runs = [...r.text.matchAll(/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+(?:[^\n]{0,20})/g)].map((m) => m[0]);
    const hangul = [...r.text.matchAll(/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+/g)].map((m) => m[0]);
    if (!(hangul.length === 1 && hangul[0] === '한국어')) found.push(`${where}: body text Hangul ${JSON.stringify(runs)}`);
    for (const s of [...r.attrs, ...r.options, `title=${r.title}`]) if (HANGUL.test(s)) found.push(`${where}: ${s}`);
  };
  await load(page, '#/?lang=en');
  await settle(page);
  await scan('overview');
  await page.keyboard.press('3');
  await waitFor(page, () => location.hash === '#/gen/3?lang=en', null, 'key 3');
  await waitFor(page, () => document.querySelector('[aria-live="polite"]').innerText.trim() === 'Generation 3: Container Era', null, 'English announcement of generation 3');
  await scan('#/gen/3');
  await page.locator('button.play-button').click();
  await waitFor(page, () => /^Playing/.test(document.querySelector('[aria-live="polite"]').innerText.trim()), null, 'English announcement of playback');
  await scan('playing');
  await page.locator('button.play-button').click();
  // A bad link is not understood at all (its ?lang= included), so the saved language applies to the notice.
  await save(page, { 'wie.lang': 'en' });
  await load(page, '#/gen/9');
  await scan('bad link notice');
  assert.ok((await page.locator('.notice').innerText()).includes('overview'), 'the notice is in English');
  expectNone(found, 'Hangul on the English page');
});

appTest(env, 'language: the Korean page shows English words only where the post has them', async ({ page }) => {
  const post = readFileSync(join(ROOT, 'content/source.ko.md'), 'utf8');
  const allowed = new Set([...post.matchAll(/[A-Za-z]+/g)].map((m) => m[0]));
  // The Korean UI's own Latin words: the other language's name, key names in the keyboard hint.
  for (const w of ['English', 'Home', 'End', 'Esc', 'Space']) allowed.add(w);
  const english = Object.values(WORDS.en).filter((w) => typeof w === 'string');
  const problems = [];
  for (const hash of ['#/', '#/gen/1', '#/gen/3', '#/gen/6']) {
    await load(page, hash);
    const r = await readableText(page);
    const all = [r.text, ...r.attrs, ...r.options, r.title].join('\n');
    const stray = [...new Set([...r.text.matchAll(/[A-Za-z]+/g)].map((m) => m[0]).filter((w) => !allowed.has(w)))];
    if (stray.length) problems.push(`${hash}: Latin words not in the post: ${stray.join(', ')}`);
    for (const phrase of [...english, ...NODE_TITLES.en, 'Generation', 'Overview', 'Features', 'Advantages', 'Light', 'Dark', 'System', 'Language', 'Dismiss']) {
      if (all.includes(phrase)) problems.push(`${hash}: English UI text "${phrase}" on the Korean page`);
    }
  }
  expectNone(problems, 'English on the Korean page');
});

// --------------------------------------------------------------------------------------------------------
// Theme

const themeState = (page) => page.evaluate(() => ({
  theme: document.documentElement.dataset.theme,
  select: document.querySelector('label.theme-choice select').value,
  saved: localStorage.getItem('wie.theme'),
  bg: getComputedStyle(document.body).backgroundColor,
}));

appTest(env, 'theme: system dark → dark; choosing light applies and saves it; reload keeps light (already before the app starts)', { context: { colorScheme: 'dark' } }, async ({ page }) => {
  await load(page, '#/gen/3');
  let t = await themeState(page);
  assert.deepEqual({ theme: t.theme, select: t.select, saved: t.saved }, { theme: 'dark', select: 'system', saved: null }, 'system + dark scheme');
  assert.equal(t.bg, 'rgb(15, 18, 22)', 'dark background');
  const select = page.getByRole('combobox', { name: WORDS.ko.theme });
  assert.equal(await select.count(), 1, 'the select is named 테마 by its label');

  await select.selectOption('light');
  await waitFor(page, () => document.documentElement.dataset.theme === 'light', null, 'data-theme becomes light');
  t = await themeState(page);
  assert.deepEqual({ theme: t.theme, select: t.select, saved: t.saved }, { theme: 'light', select: 'light', saved: 'light' });
  assert.equal(t.bg, 'rgb(255, 255, 255)', 'light background');

  // Reload: boot.js applies the saved theme before the app (no dark flash), and the app keeps it.
  const early = page.waitForEvent('domcontentloaded').then(() => page.evaluate(() => document.documentElement.dataset.theme));
  await page.reload();
  assert.equal(await early, 'light', 'data-theme is light already at DOMContentLoaded');
  await ready(page);
  t = await themeState(page);
  assert.deepEqual({ theme: t.theme, select: t.select, saved: t.saved }, { theme: 'light', select: 'light', saved: 'light' }, 'after reload');

  // Back to system: follows the scheme, also when it changes while the page is open.
  await select.selectOption('system');
  await waitFor(page, () => document.documentElement.dataset.theme === 'dark', null, 'system → dark again');
  assert.equal((await themeState(page)).saved, 'system');
  await page.emulateMedia({ colorScheme: 'light' });
  await waitFor(page, () => document.documentElement.dataset.theme === 'light', null, 'system follows a live change of prefers-color-scheme');
  await select.selectOption('dark');
  await waitFor(page, () => document.documentElement.dataset.theme === 'dark', null, 'choosing dark on a light system');
});

for (const bad of ['{bad', 'Dark', '']) {
  appTest(env, `theme: a corrupted saved value (${JSON.stringify(bad)}) falls back to system`, { context: { colorScheme: 'dark' } }, async ({ page }) => {
    await save(page, { 'wie.theme': bad });
    await load(page, '#/');
    const t = await themeState(page);
    assert.equal(t.theme, 'dark', 'follows the dark system');
    assert.equal(t.select, 'system', 'the select shows system');
    assert.equal(t.saved, bad, 'the bad value is left alone until the reader chooses');
  });
}

// Storage that throws: Safari private mode of old, blocked cookies, sandboxed frames.
const STORAGE_METHODS_THROW = () => {
  const deny = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };
  Storage.prototype.getItem = deny;
  Storage.prototype.setItem = deny;
  Storage.prototype.removeItem = deny;
};
const STORAGE_GETTER_THROWS = () => {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
  });
};

for (const [what, init] of [['getItem/setItem throw', STORAGE_METHODS_THROW], ['window.localStorage throws', STORAGE_GETTER_THROWS]]) {
  appTest(env, `storage that throws (${what}): select a node, switch theme and language, with no console or page error`, { init, context: { colorScheme: 'light' } }, async ({ page }) => {
    await load(page, '#/');
    assert.equal(await page.evaluate(() => { try { localStorage.getItem('x'); return 'works'; } catch { return 'throws'; } }), 'throws', 'storage really throws');
    let s = await snapshot(page);
    expectLang(s, 'ko', 'start');
    assert.equal(s.theme, 'light');

    await page.locator('a.node[data-gen="2"]').click();
    await waitFor(page, () => location.hash === '#/gen/2' && document.querySelector('a.node[aria-current="step"]')?.dataset.gen === '2', null, 'node 2 selected');

    await page.getByRole('combobox', { name: WORDS.ko.theme }).selectOption('dark');
    await waitFor(page, () => document.documentElement.dataset.theme === 'dark', null, 'theme switched to dark without storage');

    await page.locator('a.lang-link[hreflang="en"]').click();
    await waitFor(page, () => document.documentElement.lang === 'en' && location.hash === '#/gen/2?lang=en', null, 'language switched without storage');
    s = await snapshot(page);
    assert.equal(s.title, 'Generation 2: Virtualization Era — Web Infrastructure Evolution');
    assert.equal(s.theme, 'dark', 'the theme survived the language switch');

    await page.keyboard.press('ArrowRight');
    await waitFor(page, () => location.hash === '#/gen/3?lang=en', null, 'keys still work');
    await page.reload();
    await ready(page);
    s = await snapshot(page);
    expectLang(s, 'en', 'reload keeps the language through the URL');
    assert.equal(s.theme, 'light', 'with nothing saved the theme is the system one again');
    assert.equal(await page.locator('#app-error:not([hidden]), .boot-failed:not([hidden])').count(), 0, 'no error message shown');
  });
}

// --------------------------------------------------------------------------------------------------------
// Screenshots: #/gen/3 in ko/en × light/dark × phone/desktop, for a person to look at.

test('screenshots: #/gen/3, ko/en × light/dark × phone/desktop (tests/e2e/artifacts/gen3-*.png)', { timeout: 120_000 }, async () => {
  const dir = artifacts();
  const made = [];
  for (const scheme of ['light', 'dark']) {
    const context = await env.browser.newContext({ colorScheme: scheme, locale: 'ko-KR' });
    try {
      for (const lang of ['ko', 'en']) {
        for (const [size, viewport] of [['phone', { width: 375, height: 812 }], ['desktop', { width: 1280, height: 900 }]]) {
          const page = await context.newPage();
          const errors = watchErrors(page);
          await page.setViewportSize(viewport);
          await open(page, env.server.url, `#/gen/3?lang=${lang}`);
          await settle(page);
          const file = `gen3-${lang}-${scheme}-${size}.png`;
          await page.screenshot({ path: join(dir, file), fullPage: true });
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          made.push(`${file} ${viewport.width}×${height}`);
          assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), scheme);
          assert.deepEqual(errors, [], `${file}: console errors`);
          await page.close();
        }
      }
    } finally {
      await context.close();
    }
  }
  console.log(`screenshots: ${made.join('; ')}`);
  assert.equal(made.length, 8);
});
