// Language (URL > saved > browser), theme (saved > system), and storage that fails. (How each language × theme
// × width looks is compared with baselines in visual.test.mjs.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures.mjs';
import { ROOT } from './server.mjs';
import { HANGUL, STORAGE, words } from './content.mjs';

const KO = words('ko');
const EN = words('en');

/** Saves `values` ({ key: value }, null removes) in the app's localStorage, then leaves the page. */
async function save(app, values) {
  await app.open('#/');
  await app.page.evaluate((v) => {
    for (const [k, x] of Object.entries(v)) (x == null ? localStorage.removeItem(k) : localStorage.setItem(k, x));
  }, values);
  await app.page.goto('about:blank');
}

/** The state a language or theme test cares about, in one read. */
function snapshot(page) {
  return page.evaluate((keys) => ({
    hash: location.hash,
    lang: document.documentElement.lang,
    theme: document.documentElement.dataset.theme,
    title: document.title,
    savedLang: (() => { try { return localStorage.getItem(keys.lang); } catch { return 'threw'; } })(),
    savedTheme: (() => { try { return localStorage.getItem(keys.theme); } catch { return 'threw'; } })(),
    current: [...document.querySelectorAll('a.lang-link[aria-current="true"]')].map((a) => a.getAttribute('hreflang')),
    active: document.querySelector('a.node[aria-current="step"]')?.dataset.gen ?? null,
    // The heading shown (the overview and the detail are both in the DOM, one of them hidden), as shown.
    heading: [...document.querySelectorAll('#detail-heading, #overview-heading')].find((h) => !h.closest('[hidden]'))?.innerText.trim() ?? null,
    historyLength: history.length,
  }), STORAGE);
}

function expectLang(s, lang, what) {
  expect(s.lang, `${what}: <html lang> (${JSON.stringify(s)})`).toBe(lang);
  expect(s.current, `${what}: the language switch marks ${lang} as current`).toEqual([lang]);
}

// --------------------------------------------------------------------------------------------------------
// Language

test('language: ?lang=en in the URL beats a saved ko (and ?lang=ko beats a saved en)', async ({ app }) => {
  await save(app, { [STORAGE.lang]: 'ko' });
  await app.open('#/gen/3?lang=en');
  let s = await snapshot(app.page);
  expectLang(s, 'en', '?lang=en with ko saved');
  expect(s.title).toBe(EN.docTitle(3));
  expect(s.active).toBe('3');
  expect(s.savedLang, 'following a link does not overwrite the saved choice').toBe('ko');

  await save(app, { [STORAGE.lang]: 'en' });
  await app.open('#/gen/3?lang=ko');
  s = await snapshot(app.page);
  expectLang(s, 'ko', '?lang=ko with en saved');
  expect(s.title).toBe(KO.docTitle(3));
});

test.describe('ko-KR browser', () => {
  test.use({ locale: 'ko-KR' });

  test('language: a saved en beats a ko-KR browser', async ({ page, app }) => {
    expect(await page.evaluate(() => navigator.languages[0])).toBe('ko-KR');
    await save(app, { [STORAGE.lang]: 'en' });
    await app.open('#/');
    const s = await snapshot(page);
    expectLang(s, 'en', 'saved en, browser ko-KR');
    expect(s.title).toBe(EN.title);
    expect(s.hash, 'the URL is not rewritten on load').toBe('#/');
    await expect(page.locator('#overview-heading')).toHaveText(EN.overviewHeading, { useInnerText: true });
  });

  test('language: nothing saved, ko-KR browser → Korean', async ({ page, app }) => {
    await app.open('#/gen/3');
    const s = await snapshot(page);
    expectLang(s, 'ko', 'browser ko-KR');
    expect(s.title).toBe(KO.docTitle(3));
  });
});

test.describe('en-US browser', () => {
  test.use({ locale: 'en-US' });

  test('language: nothing saved, en-US browser → English, title and <html lang> in English', async ({ page, app }) => {
    expect(await page.evaluate(() => navigator.languages[0])).toBe('en-US');
    await app.open('#/');
    let s = await snapshot(page);
    expectLang(s, 'en', 'browser en-US');
    expect(s.title).toBe(EN.title);
    expect(s.savedLang, 'nothing saved by merely visiting').toBeNull();
    await expect(page.getByRole('button', { name: EN.ui.play, exact: true })).toBeVisible();
    await app.open('#/gen/3');
    s = await snapshot(page);
    expect(s.title).toBe(EN.docTitle(3));
    await expect(page.locator('#detail-heading')).toHaveText(EN.detailHeading(3), { useInnerText: true });
  });
});

for (const [locale, lang] of [['en-US', 'en'], ['ko-KR', 'ko']]) {
  test.describe(`${locale} browser, unknown language in the link`, () => {
    test.use({ locale });

    test(`language: ?lang=fr falls back quietly to the browser's (${locale} → ${lang}): no notice, no console error`, async ({ page, app }) => {
      await app.open('#/gen/2?lang=fr');
      const s = await snapshot(page);
      expectLang(s, lang, '?lang=fr');
      expect(s.active, 'the generation in the link still applies').toBe('2');
      await expect(page.locator('.notice, [role="status"]'), 'no bad-link notice for an unknown language').toHaveCount(0);
      expect(s.savedLang).toBeNull();
      // (The fixture fails the test on any console error or page error.)
    });
  });
}

test('language: switching keeps the generation, writes ?lang= (replace, not push), saves it, survives reload', async ({ page, app }) => {
  await app.open('#/gen/4');
  let s = await snapshot(page);
  expectLang(s, 'ko', 'start');
  const historyLength = s.historyLength;
  await expect(page.locator('a.lang-link[hreflang="en"]'), 'the English link is the same page in English').toHaveAttribute('href', '#/gen/4?lang=en');
  await expect(page.locator('a.lang-link[hreflang="ko"]')).toHaveAttribute('lang', 'ko');

  await page.locator('a.lang-link[hreflang="en"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  s = await snapshot(page);
  expectLang(s, 'en', 'after clicking English');
  expect(s.hash).toBe('#/gen/4?lang=en');
  expect(s.active, 'still generation 4').toBe('4');
  expect(s.title).toBe(EN.docTitle(4));
  expect(s.savedLang, 'saved').toBe('en');
  expect(s.historyLength, 'the URL was replaced, not pushed').toBe(historyLength);
  await expect(page.locator('a.lang-link[hreflang="ko"]')).not.toHaveAttribute('aria-current');
  await expect(page.locator('#detail-heading')).toHaveText(EN.detailHeading(4), { useInnerText: true });
  await expect(page.getByRole('button', { name: EN.ui.toOverview })).toBeVisible();
  await expect(page.getByRole('table', { name: EN.summaryCaption })).toBeVisible();

  await page.reload();
  await app.ready();
  s = await snapshot(page);
  expectLang(s, 'en', 'after reload');
  expect(s.active).toBe('4');
  expect(s.hash).toBe('#/gen/4?lang=en');

  // The language rides along when moving on (click, key).
  await page.locator('a.node[data-gen="5"]').click();
  await app.expectHash('#/gen/5?lang=en');
  await page.keyboard.press('ArrowRight');
  await app.expectHash('#/gen/6?lang=en');
  await expect(page).toHaveTitle(EN.docTitle(6));

  // Back to Korean.
  await page.locator('a.lang-link[hreflang="ko"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  s = await snapshot(page);
  expectLang(s, 'ko', 'after clicking 한국어');
  expect(s.hash).toBe('#/gen/6?lang=ko');
  expect(s.title).toBe(KO.docTitle(6));
  expect(s.savedLang).toBe('ko');

  // A plain link without ?lang= in the same browser now opens in the saved language.
  await save(app, { [STORAGE.lang]: 'en' });
  await app.open('#/gen/2');
  expectLang(await snapshot(page), 'en', 'plain link with en saved');
});

/** What a reader sees or hears: visible text, accessible names and descriptions, the title. */
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

test('language: the English page has no Hangul except the 한국어 link (text, labels, options, announcements, title)', async ({ page, app }) => {
  const found = [];
  const live = page.locator('div[aria-live="polite"]'); // the announcer (the search count is another, a <p>)
  const scan = async (where) => {
    const r = await readableText(page);
    const runs = [...r.text.matchAll(/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+(?:[^\n]{0,20})/g)].map((m) => m[0]);
    const hangul = [...r.text.matchAll(/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+/g)].map((m) => m[0]);
    if (!(hangul.length === 1 && hangul[0] === EN.ui.otherLanguage)) found.push(`${where}: body text Hangul ${JSON.stringify(runs)}`);
    for (const s of [...r.attrs, ...r.options, `title=${r.title}`]) if (HANGUL.test(s)) found.push(`${where}: ${s}`);
  };
  await app.open('#/?lang=en');
  await app.settle();
  await scan('overview');
  await page.keyboard.press('3');
  await app.expectHash('#/gen/3?lang=en');
  await expect(live, 'English announcement of generation 3').toHaveText(EN.announcement(3));
  await scan('#/gen/3');
  await page.locator('button.play-button').click();
  await expect(live, 'English announcement of playback').toHaveText(new RegExp(`^${EN.ui.playing}`));
  await scan('playing');
  await page.locator('button.play-button').click();
  // A bad link is not understood at all (its ?lang= included), so the saved language applies to the notice.
  await save(app, { [STORAGE.lang]: 'en' });
  await app.open('#/gen/9');
  await scan('bad link notice');
  await expect(page.locator('.notice'), 'the notice is in English').toContainText(EN.ui.noticeOverview, { useInnerText: true });
  expect(found, 'Hangul on the English page').toEqual([]);
});

test('language: the Korean page shows English words only where the post has them', async ({ app }) => {
  const post = readFileSync(join(ROOT, 'content/source.ko.md'), 'utf8');
  const allowed = new Set([...post.matchAll(/[A-Za-z]+/g)].map((m) => m[0]));
  // The Korean UI's own Latin words: the other language's name, key names in the keyboard help, the names of file
  // formats and of the citation format.
  for (const w of [KO.ui.otherLanguage, 'Home', 'End', 'Esc', 'Space', 'Shift', 'Enter', 'PageUp', 'PageDown', 'F',
    'BibTeX', 'CSV', 'Markdown', 'JSON', 'SVG']) allowed.add(w);
  const english = [
    EN.title, EN.overviewHeading, EN.diagramCaption, EN.summaryCaption, ...EN.nodeTitles, ...Object.values(EN.sections),
    ...Object.values(EN.ui).filter((w) => typeof w === 'string' && w !== EN.ui.noticeOverview && !HANGUL.test(w)),
    'Generation', 'Overview', 'Light', 'Dark', 'Language',
  ];
  const problems = [];
  for (const hash of ['#/', '#/gen/1', '#/gen/3', '#/gen/6']) {
    await app.open(hash);
    const r = await readableText(app.page);
    const all = [r.text, ...r.attrs, ...r.options, r.title].join('\n');
    const stray = [...new Set([...r.text.matchAll(/[A-Za-z]+/g)].map((m) => m[0]).filter((w) => !allowed.has(w)))];
    if (stray.length) problems.push(`${hash}: Latin words not in the post: ${stray.join(', ')}`);
    for (const phrase of english) if (all.includes(phrase)) problems.push(`${hash}: English UI text "${phrase}" on the Korean page`);
  }
  expect(problems, 'English on the Korean page').toEqual([]);
});

// --------------------------------------------------------------------------------------------------------
// Theme

const themeState = (page) => page.evaluate((key) => ({
  theme: document.documentElement.dataset.theme,
  select: document.querySelector('label.theme-choice select').value,
  saved: localStorage.getItem(key),
  bg: getComputedStyle(document.body).backgroundColor,
}), STORAGE.theme);

test.describe('dark system', () => {
  test.use({ colorScheme: 'dark' });

  test('theme: system dark → dark; choosing light applies and saves it; reload keeps light (already before the app starts)', async ({ page, app }) => {
    await app.open('#/gen/3');
    let t = await themeState(page);
    expect({ theme: t.theme, select: t.select, saved: t.saved }, 'system + dark scheme').toEqual({ theme: 'dark', select: 'system', saved: null });
    expect(t.bg, 'dark background').toBe('rgb(15, 18, 22)');
    const select = page.getByRole('combobox', { name: KO.ui.theme });
    await expect(select, 'the select is named 테마 by its label').toHaveCount(1);

    await select.selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    t = await themeState(page);
    expect({ theme: t.theme, select: t.select, saved: t.saved }).toEqual({ theme: 'light', select: 'light', saved: 'light' });
    expect(t.bg, 'light background').toBe('rgb(255, 255, 255)');

    // Reload: boot.js applies the saved theme before the app (no dark flash), and the app keeps it.
    const early = page.waitForEvent('domcontentloaded').then(() => page.evaluate(() => document.documentElement.dataset.theme));
    await page.reload();
    expect(await early, 'data-theme is light already at DOMContentLoaded').toBe('light');
    await app.ready();
    t = await themeState(page);
    expect({ theme: t.theme, select: t.select, saved: t.saved }, 'after reload').toEqual({ theme: 'light', select: 'light', saved: 'light' });

    // Back to system: follows the scheme, also when it changes while the page is open.
    await select.selectOption('system');
    await expect(page.locator('html'), 'system → dark again').toHaveAttribute('data-theme', 'dark');
    expect((await themeState(page)).saved).toBe('system');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html'), 'system follows a live change of prefers-color-scheme').toHaveAttribute('data-theme', 'light');
    await select.selectOption('dark');
    await expect(page.locator('html'), 'choosing dark on a light system').toHaveAttribute('data-theme', 'dark');
  });

  for (const bad of ['{bad', 'Dark', '']) {
    test(`theme: a corrupted saved value (${JSON.stringify(bad)}) falls back to system`, async ({ page, app }) => {
      await save(app, { [STORAGE.theme]: bad });
      await app.open('#/');
      const t = await themeState(page);
      expect(t.theme, 'follows the dark system').toBe('dark');
      expect(t.select, 'the select shows system').toBe('system');
      expect(t.saved, 'the bad value is left alone until the reader chooses').toBe(bad);
    });
  }
});

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

test.describe('light system, storage that throws', () => {
  test.use({ colorScheme: 'light' });

  for (const [what, init] of [['getItem/setItem throw', STORAGE_METHODS_THROW], ['window.localStorage throws', STORAGE_GETTER_THROWS]]) {
    test(`storage that throws (${what}): select a node, switch theme and language, with no console or page error`, async ({ page, context, app }) => {
      await context.addInitScript(init);
      await app.open('#/');
      expect(await page.evaluate(() => { try { localStorage.getItem('x'); return 'works'; } catch { return 'throws'; } }), 'storage really throws').toBe('throws');
      let s = await snapshot(page);
      expectLang(s, 'ko', 'start');
      expect(s.theme).toBe('light');

      await page.locator('a.node[data-gen="2"]').click();
      await app.expectHash('#/gen/2');
      await app.expectActive(2, 'node 2 selected');

      await page.getByRole('combobox', { name: KO.ui.theme }).selectOption('dark');
      await expect(page.locator('html'), 'theme switched to dark without storage').toHaveAttribute('data-theme', 'dark');

      await page.locator('a.lang-link[hreflang="en"]').click();
      await expect(page.locator('html'), 'language switched without storage').toHaveAttribute('lang', 'en');
      await app.expectHash('#/gen/2?lang=en');
      s = await snapshot(page);
      expect(s.title).toBe(EN.docTitle(2));
      expect(s.theme, 'the theme survived the language switch').toBe('dark');

      await page.keyboard.press('ArrowRight');
      await app.expectHash('#/gen/3?lang=en');
      await page.reload();
      await app.ready();
      s = await snapshot(page);
      expectLang(s, 'en', 'reload keeps the language through the URL');
      expect(s.theme, 'with nothing saved the theme is the system one again').toBe('light');
      await expect(page.locator('#app-error:not([hidden]), .boot-failed:not([hidden])'), 'no error message shown').toHaveCount(0);
    });
  }
});
