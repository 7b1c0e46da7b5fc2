// Issue 14's presentation (`#/present/N`, src/present.rs, style/present.css) and swipes (src/swipe.rs) in the built
// app: the slides (a generation's detail in large type, then the summary table) with the timeline as progress and
// the bar; the keys of src/nav.rs SHORTCUTS (→ PageDown Space, ← PageUp, Home/End, digits, Esc, F), the URL,
// reload and Back; autoplay (`?play=1`: replaced, not pushed; paused by a key or a click, resumed by Space, stops at
// the end); reduced motion; no text under 24 px at 1920×1080 and 1280×720, no sideways scrolling; axe; the footer's
// way in; bad links. Swipes at phone size through the DevTools protocol's touch events.
// Every test also fails on a console error, an uncaught error or a CSP violation (fixtures.mjs: browserProblems).
import { test, expect } from './fixtures.mjs';
import { AXE_TAGS, axeFailures, runAxe } from './axe.mjs';
import { SITE, words } from './content.mjs';

test.use({ viewport: { width: 1280, height: 800 } });

/** The slides: 1 to 6 the generations, 7 the summary table (src/route.rs Slide). */
const LAST = 7;

/** `hash` as a link in `lang` writes it: Korean is the browser's language here, English rides in the query. */
const inLang = (hash, lang) => (lang === 'en' ? `${hash}${hash.includes('?') ? '&' : '?'}lang=en` : hash);

/** The document title on slide n (src/strings.rs view_name, document_title). */
function slideTitle(n, lang) {
  const w = words(lang);
  const what = n < LAST ? `${w.label(n)}: ${w.nodeTitle(n)}` : SITE.summary_caption[lang];
  return `${w.tools.present} ${n}/${LAST}: ${what} — ${w.title}`;
}

/** The slide shown: `<html data-present>`, or null out of the presentation. */
const slideShown = (app) => app.probe(() => document.documentElement.dataset.present ?? null);

/**
 * Exactly slide `n` is shown, in `lang`: `<html data-present=n>`, the title; for a generation its detail (heading)
 * and its timeline node current, no summary table; for the last, the summary table and no detail, no node current;
 * the timeline (the progress) and the bar with its four buttons and "n / 7"; the page's header and tools hidden.
 */
async function expectSlide(page, app, n, why, lang = 'ko') {
  const w = words(lang);
  await expect.poll(() => slideShown(app), { message: `${why}: <html data-present>` }).toBe(String(n));
  await expect(page, `${why}: title`).toHaveTitle(slideTitle(n, lang));
  const detail = page.locator('article.detail');
  const summary = page.locator('.table-wrap.summary-table');
  if (n < LAST) {
    await expect(detail, `${why}: the detail`).toBeVisible();
    await expect(detail, `${why}: of generation ${n}`).toHaveAttribute('data-gen', String(n));
    await expect(page.locator('#detail-heading'), `${why}: heading`).toHaveText(w.detailHeading(n), { useInnerText: true });
    await expect(summary, `${why}: no summary table`).toBeHidden();
  } else {
    await expect(summary, `${why}: the summary table`).toBeVisible();
    await expect(summary.getByRole('table', { name: SITE.summary_caption[lang] }), `${why}: named by its caption`).toBeVisible();
    await expect(detail, `${why}: no detail on the summary`).toBeHidden();
  }
  await expect.poll(
    () => app.probe(() => [...document.querySelectorAll('a.node[aria-current]')].map((a) => `${a.dataset.gen}:${a.getAttribute('aria-current')}`)),
    { message: `${why}: the timeline's current node` },
  ).toEqual(n < LAST ? [`${n}:step`] : []);
  await expect(app.timeline(lang), `${why}: the timeline, as progress`).toBeVisible();
  const bar = page.getByRole('navigation', { name: w.tools.present, exact: true });
  await expect(bar, `${why}: the bar`).toBeVisible();
  for (const name of [w.tools.prevSlide, w.tools.nextSlide, w.tools.fullscreen, w.tools.presentExit]) {
    await expect(bar.getByRole('button', { name, exact: true }), `${why}: the bar's ${name}`).toBeVisible();
  }
  expect(await page.locator('.present-bar').evaluate((el) => getComputedStyle(el, '::before').content), `${why}: where the slides are`).toBe(`"${n} / ${LAST}"`);
  await expect(page.locator('.site-header'), `${why}: no page header`).toBeHidden();
  await expect(page.getByRole('group', { name: w.tools.tools }), `${why}: no tools`).toBeHidden();
}

test('#/present shows slide 1: generation 1\'s detail in large type, the timeline as progress (node 1 current), the bar', async ({ page, app }) => {
  await app.open('#/present');
  await expectSlide(page, app, 1, '#/present');
  const px = (sel) => page.locator(sel).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const body = await px('article.detail .detail-section p');
  const heading = await px('#detail-heading');
  expect(body, 'the slide\'s text is large').toBeGreaterThanOrEqual(28);
  expect(heading, 'its heading larger still').toBeGreaterThanOrEqual(1.4 * body);
  // The same text on the page, out of the presentation, is smaller.
  await app.open('#/gen/1');
  expect(await px('article.detail .detail-section p'), 'the page\'s text').toBeLessThan(body);
});

test('Space with focus on a timeline node moves the slide, and does not start the generations\' playback', async ({ page, app }) => {
  await app.open('#/present/2');
  await expectSlide(page, app, 2, 'start');
  await page.locator('.timeline-node[data-gen="2"] .node').focus();
  await page.keyboard.press('Space');
  await app.expectHash('#/present/3');
  await expectSlide(page, app, 3, 'Space on a node');
  await expect(page.locator('.play-button.playing')).toHaveCount(0);
});

test('keys: → PageDown Space forward, ← PageUp back, Home/End, a digit; the URL follows; 7 is the summary and next stays there; Back and reload keep the slide', async ({ page, app }) => {
  await app.open('#/present');
  await expectSlide(page, app, 1, 'start');
  const length = await page.evaluate(() => history.length);
  for (const [key, n] of [
    ['ArrowRight', 2], ['PageDown', 3], ['Space', 4], ['ArrowLeft', 3], ['PageUp', 2], ['End', 7],
    ['ArrowRight', 7], ['PageDown', 7], ['Space', 7], ['Home', 1], ['ArrowLeft', 1], ['PageUp', 1], ['5', 5],
  ]) {
    await page.keyboard.press(key);
    await app.expectHash(`#/present/${n}`);
    await expectSlide(page, app, n, `${key} → slide ${n}`);
  }
  // Each move was the reader's own: a new history entry, so Back returns to the slide before.
  expect(await page.evaluate(() => history.length), 'moves are history entries').toBeGreaterThan(length);
  await page.goBack();
  await app.expectHash('#/present/1');
  await expectSlide(page, app, 1, 'Back');
  await page.goForward();
  await expectSlide(page, app, 5, 'Forward');
  await page.reload();
  await app.ready();
  await app.expectHash('#/present/5');
  await expectSlide(page, app, 5, 'reload');
});

test('the bar\'s buttons: next, previous, leave', async ({ page, app }) => {
  const w = words('ko');
  await app.open('#/present/3');
  const bar = page.getByRole('navigation', { name: w.tools.present, exact: true });
  await bar.getByRole('button', { name: w.tools.nextSlide }).click();
  await expectSlide(page, app, 4, 'next');
  await bar.getByRole('button', { name: w.tools.prevSlide }).click();
  await bar.getByRole('button', { name: w.tools.prevSlide }).click();
  await expectSlide(page, app, 2, 'previous twice');
  await bar.getByRole('button', { name: w.tools.presentExit }).click();
  await app.expectHash('#/gen/2');
  await app.expectActive(2, 'left from slide 2');
  expect(await slideShown(app), 'out of the presentation').toBe(null);
});

test('Esc leaves for the generation on the slide (the summary\'s: the overview), keeping ?lang=', async ({ page, app }) => {
  await app.open('#/present/3');
  await page.keyboard.press('Escape');
  await app.expectHash('#/gen/3');
  await app.expectActive(3, 'Esc on slide 3');
  expect(await slideShown(app)).toBe(null);
  await expect(page.locator('.site-header'), 'the page again').toBeVisible();
  await expect(page.locator('.present-bar'), 'no bar').toBeHidden();

  await app.open('#/present/7');
  await page.keyboard.press('Escape');
  await app.expectHash('#/');
  await app.expectActive(null, 'Esc on the summary slide');

  await app.open('#/present/4?lang=en');
  await expectSlide(page, app, 4, 'English', 'en');
  await page.keyboard.press('Escape');
  await app.expectHash('#/gen/4?lang=en');
  await app.expectActive(4, 'Esc in English');
});

test('the footer\'s "발표 모드" link enters the presentation at slide 1', async ({ page, app }) => {
  await app.open('#/gen/3');
  const link = page.getByRole('contentinfo').getByRole('link', { name: words('ko').tools.presentStart, exact: true });
  await link.click();
  await app.expectHash('#/present/1');
  await expectSlide(page, app, 1, 'from the footer');
});

test('bad link #/present/9: slide 1 instead', async ({ page, app }) => {
  await app.open('#/present/9');
  await expectSlide(page, app, 1, '#/present/9');
  await expect(page.locator('.notice[role=status]'), 'the notice is written').toHaveCount(1);
});

// Found by this test, fixed since (kept as a regression test): the bad-link notice is hidden in the presentation. style/present.css hides `.notice`
// (display: none !important, with the header and tools) on every slide, so on `#/present/9` the reader sees slide 1
// with no word about the link, and a screen reader hears nothing (a live region that is display: none is not
// announced; the app's own announcer says nothing on the first view either). Expected: the polite notice
// ("주소의 “#/present/9” 부분을 이해하지 못해 가장 가까운 보기를 보여 드립니다.") shown above the slide, with its Dismiss.
test('bad link #/present/9: a polite notice (role=status) says so, in the page\'s language', async ({ page, app }) => {
  const w = words('ko');
  await app.open('#/present/9');
  await expectSlide(page, app, 1, '#/present/9');
  const notice = page.getByRole('status').filter({ hasText: '#/present/9' });
  await expect(notice, 'the notice is shown').toBeVisible();
  await expect(notice).toContainText(w.ui.noticeNearest, { useInnerText: true });
  await notice.getByRole('button', { name: w.ui.dismiss }).click();
  await app.expectHash('#/present/1');
  await expectSlide(page, app, 1, 'dismissed');
});

// ------------------------------------------------------------------------------------------------------------------
// Autoplay: `?play=1`, one second per slide (the shortest the link allows: the tests wait for it, not on it).

/**
 * Records every slide change from now on: time (ms), slide, hash, history.length. (The app sets `data-present`
 * again, to the same value, when the autoplay pauses or resumes: only changes count.)
 */
function recordSlides(page) {
  return page.evaluate(() => {
    window.__e2eSlides = [];
    new MutationObserver((records) => {
      const slide = document.documentElement.dataset.present ?? null;
      if (records.every((r) => r.oldValue === slide)) return;
      window.__e2eSlides.push({ t: performance.now(), slide, hash: location.hash, length: history.length });
    }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-present'], attributeOldValue: true });
  });
}
const slidesSeen = (page) => page.evaluate(() => window.__e2eSlides);

// App bug (found by these two tests): autoplay dies after its first step, and the app with it. On `#/present?play=1`
// slide 2 comes after a second, then the page logs "panicked at …/reactive_graph-0.2.16/src/traits.rs:394:39: Tried to
// access a reactive value that has already been disposed", an uncaught "unreachable" (the wasm aborted), then
// "RefCell already borrowed" (js-sys singlethread.rs:156) and "unreachable" again; the autoplay stops there (3 → 4 from
// `#/present/3?play=1`), and the presentation with it: → and the bar's "다음 장 →" still change the URL and the title
// (`#/present/3`, "발표 3/7: …") but the page stays on slide 2 (`<html data-present="2">`). Likely cause: src/present.rs keeps `PAUSED` as a
// thread-local `RwSignal` created on first use, which is inside the presentation's effect: the signal belongs to that
// run of the effect and is disposed when the effect runs again (the slide changed), so the next `paused().get()`
// panics. Checked in a scratch build that creates it in `install` before the effect: both tests pass there.
// Expected: slides 1 → 7 a second apart, paused by a key or a click, resumed by Space, as these tests say.
test('autoplay ?play=1: a slide a second to 7, the URL replaced (not pushed), then it stops', async ({ page, app }) => {
  await app.open('#/present?play=1');
  await recordSlides(page);
  const length = await page.evaluate(() => history.length);
  await expect.poll(() => slideShown(app), { message: 'autoplay reaches the summary', timeout: 15_000 }).toBe(String(LAST));
  const seen = await slidesSeen(page);
  const from = Number(seen[0].slide);
  expect(seen.map((s) => s.slide), 'one slide after the other').toEqual(Array.from({ length: LAST - from + 1 }, (_, i) => String(from + i)));
  expect(seen.map((s) => s.hash), 'the URL follows, keeping ?play=').toEqual(seen.map((s) => `#/present/${s.slide}?play=1`));
  expect(seen.map((s) => s.length), 'replaced, not pushed: history.length stays').toEqual(seen.map(() => length));
  const gaps = seen.slice(1).map((s, i) => Math.round(s.t - seen[i].t));
  expect(gaps.filter((g) => g < 900 || g > 3000), `about a second apart: ${gaps.join(', ')} ms`).toEqual([]);
  await expectSlide(page, app, LAST, 'the end');
  // At the end it stops: nothing changes for two more periods.
  await page.waitForTimeout(2000);
  expect((await slidesSeen(page)).length, 'nothing after the last slide').toBe(seen.length);
  expect(await page.evaluate(() => location.hash)).toBe(`#/present/${LAST}?play=1`);
});

// (The same bug as above.)
test('autoplay: a key (not Space) pauses it, Space resumes it (not a step), a click pauses it', async ({ page, app }) => {
  await app.open('#/present/1?play=1');
  await recordSlides(page);
  await expect.poll(() => slideShown(app), { message: 'playing', timeout: 5000 }).toBe('2');
  await page.keyboard.press('x');
  const paused = await slideShown(app);
  await page.waitForTimeout(2500);
  expect(await slideShown(app), 'a key paused it: no change in 2.5 s').toBe(paused);

  const before = (await slidesSeen(page)).length;
  await page.keyboard.press('Space');
  await page.waitForTimeout(300);
  expect(await slideShown(app), 'Space resumes the autoplay rather than stepping').toBe(paused);
  await expect.poll(() => slideShown(app), { message: 'resumed', timeout: 5000 }).toBe(String(Number(paused) + 1));
  await expect.poll(() => slideShown(app), { message: 'and goes on', timeout: 5000 }).toBe(String(Number(paused) + 2));
  expect((await slidesSeen(page)).length - before, 'one slide at a time').toBe(2);

  const box = await page.locator('article.detail .detail-section p').first().boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const clicked = await slideShown(app);
  await page.waitForTimeout(2500);
  expect(await slideShown(app), 'a click paused it: no change in 2.5 s').toBe(clicked);
  expect(Number(clicked), 'paused before the end').toBeLessThan(LAST);
});

// ------------------------------------------------------------------------------------------------------------------
// Full screen, motion, type size, layout, axe.

test('F (and f, and the bar\'s button) asks for full screen in the presentation and leaves it; not outside it', async ({ page, app }) => {
  // Headless Chromium may refuse real full screen: the API is stubbed and its calls recorded.
  await page.addInitScript(() => {
    const calls = [];
    let element = null;
    window.__e2eFullscreen = calls;
    Element.prototype.requestFullscreen = function requestFullscreen() {
      calls.push(`request ${this.tagName}`);
      element = this;
      return Promise.resolve();
    };
    Document.prototype.exitFullscreen = function exitFullscreen() {
      calls.push('exit');
      element = null;
      return Promise.resolve();
    };
    Object.defineProperty(Document.prototype, 'fullscreenElement', { configurable: true, get: () => element });
  });
  const calls = () => page.evaluate(() => window.__e2eFullscreen);
  await app.open('#/gen/3');
  await page.keyboard.press('Shift+KeyF');
  await page.keyboard.press('f');
  expect(await calls(), 'no full screen out of the presentation').toEqual([]);

  await app.open('#/present/3');
  await page.keyboard.press('Shift+KeyF');
  expect(await calls(), 'F: the whole page full screen').toEqual(['request HTML']);
  await page.keyboard.press('f');
  expect(await calls(), 'f again: out of it').toEqual(['request HTML', 'exit']);
  await page.getByRole('navigation', { name: words('ko').tools.present }).getByRole('button', { name: words('ko').tools.fullscreen }).click();
  expect(await calls(), 'the bar\'s button').toEqual(['request HTML', 'exit', 'request HTML']);
  await expectSlide(page, app, 3, 'full screen changes no slide');
});

/** The animations running in the slide's content and the motion its elements' styles ask for. */
function motion(page) {
  return page.evaluate(() => {
    const els = [...document.querySelectorAll('article.detail, article.detail *')];
    const seconds = (list) => list.split(',').map((d) => parseFloat(d) * (d.trim().endsWith('ms') ? 0.001 : 1));
    return {
      running: document.getAnimations().map((a) => a.animationName ?? a.transitionProperty ?? a.constructor.name),
      animated: els.filter((el) => {
        const cs = getComputedStyle(el);
        return cs.animationName !== 'none' && seconds(cs.animationDuration).some((s) => s > 0);
      }).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}: ${getComputedStyle(el).animationName}`),
      transitioned: els.filter((el) => seconds(getComputedStyle(el).transitionDuration).some((s) => s > 0))
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
    };
  });
}

test('motion: a move between slides slides the content in (no reduced-motion preference)', async ({ page, app }) => {
  await app.open('#/present/2');
  await app.settle();
  await page.keyboard.press('ArrowRight');
  await expectSlide(page, app, 3, '→');
  const m = await motion(page);
  expect(m.animated, 'the content enters with an animation').toContain('div.enter-forward: enter-forward');
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('a move between slides: no animation, no transition in the slide', async ({ page, app }) => {
    await app.open('#/present/2');
    await app.settle();
    for (const [key, n] of [['ArrowRight', 3], ['ArrowLeft', 2]]) {
      await page.keyboard.press(key);
      await expectSlide(page, app, n, key);
      expect(await motion(page), `${key}: nothing moves`).toEqual({ running: [], animated: [], transitioned: [] });
    }
  });
});

/**
 * Every visible text of the page (text nodes and generated content) whose font is under `min` px: the element, the
 * size, the words. Text hidden for screen readers only (.visually-hidden) is not visible.
 */
function smallText(page, min) {
  return page.evaluate((min) => {
    const small = [];
    const visible = (el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && !el.closest('.visually-hidden');
    const name = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let count = 0;
    while (walker.nextNode()) {
      const text = walker.currentNode;
      const el = text.parentElement;
      if (!text.data.trim() || !el || !visible(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(text);
      if (![...range.getClientRects()].some((r) => r.width > 0 && r.height > 0)) continue;
      count += 1;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < min) small.push(`${name(el)} ${size}px "${text.data.trim().slice(0, 30)}"`);
    }
    for (const el of document.body.querySelectorAll('*')) {
      if (!visible(el)) continue;
      for (const pseudo of ['::before', '::after']) {
        const cs = getComputedStyle(el, pseudo);
        if (!/^".*[^\s"].*"$/.test(cs.content) || cs.display === 'none') continue;
        count += 1;
        if (parseFloat(cs.fontSize) < min) small.push(`${name(el)}${pseudo} ${cs.fontSize} ${cs.content}`);
      }
    }
    return { count, small };
  }, min);
}

for (const [width, height] of [[1920, 1080], [1280, 720]]) {
  test.describe(`${width}×${height}`, () => {
    test.use({ viewport: { width, height } });
    test(`no visible text under 24 px and no sideways scrolling on slides 1, 3, 7 (${width}×${height})`, async ({ page, app }) => {
      for (const [i, n] of [1, 3, 7].entries()) {
        if (i === 0) await app.open(`#/present/${n}`);
        else await page.keyboard.press(String(n === 7 ? 'End' : n));
        await expectSlide(page, app, n, `slide ${n}`);
        await app.settle();
        const { count, small } = await smallText(page, 24);
        expect(count, `slide ${n}: texts checked`).toBeGreaterThan(10);
        expect(small, `slide ${n} at ${width}×${height}: text under 24 px`).toEqual([]);
        await app.expectNoHorizontalScroll(`slide ${n} at ${width}×${height}`);
      }
    });
  });
}

for (const colorScheme of ['light', 'dark']) {
  test.describe(`axe, ${colorScheme}`, () => {
    test.use({ colorScheme });
    for (const lang of ['ko', 'en']) {
      test(`axe-core (${lang}, ${colorScheme}): slides 3 and 7`, async ({ page, app }) => {
        await app.open(inLang('#/present/3', lang));
        for (const n of [3, 7]) {
          if (n === 7) await page.keyboard.press('End');
          await expectSlide(page, app, n, `slide ${n}`, lang);
          await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
          await app.settle();
          expect(axeFailures(await runAxe(page)), `axe-core (${AXE_TAGS.join(' ')}) on slide ${n}, ${lang} ${colorScheme}`).toEqual([]);
        }
      });
    }
  });
}

// ------------------------------------------------------------------------------------------------------------------
// Swipes, at phone size: touch events through the DevTools protocol (what a finger sends: the browser makes the
// pointer events, scrolls, and cancels the pointer when it scrolls).

/**
 * A one-finger swipe from `from` to `to` (CSS px in the viewport) in `steps` moves about `ms` apart. Returns what the
 * page saw of it (pointer events, their targets and times), for the messages of the checks after it.
 */
async function swipe(page, from, to, { steps = 5, ms = 30 } = {}) {
  await page.evaluate(() => {
    window.__e2eTouch = [];
    window.__e2eTouchStop?.abort();
    window.__e2eTouchStop = new AbortController();
    for (const type of ['pointerdown', 'pointerup', 'pointercancel']) {
      addEventListener(type, (e) => window.__e2eTouch.push(`${type} ${e.pointerType} (${Math.round(e.clientX)},${Math.round(e.clientY)}) at ${Math.round(e.timeStamp)} ms on ${e.target.tagName?.toLowerCase()}.${e.target.className}`),
        { capture: true, signal: window.__e2eTouchStop.signal });
    }
  });
  const cdp = await page.context().newCDPSession(page);
  const at = (i) => [{ x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let i = 1; i <= steps; i++) {
    await page.waitForTimeout(ms);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  // Let the page handle the last events (pointerup, a move it starts) before the caller looks.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return `swipe (${from.x},${from.y}) → (${to.x},${to.y}); the page saw: ${(await page.evaluate(() => window.__e2eTouch)).join('; ')}`;
}

/** Waits until location.hash is `hash`, saying what the page saw of the swipe if it does not get there. */
const expectHashAfter = (page, hash, seen) => expect.poll(() => page.evaluate(() => location.hash).catch(() => '?'), { message: seen }).toBe(hash);

/** A point inside `locator` (scrolled into view), at its middle, fy of its height down. */
async function pointIn(locator, fy = 0.5) {
  await locator.scrollIntoViewIfNeeded();
  const b = await locator.boundingBox();
  return { x: b.x + b.width / 2, y: b.y + b.height * fy };
}

/** Fails unless what the finger touches first at `point` is inside `selector` (a swipe that misses proves nothing). */
async function expectTouches(page, point, selector, why) {
  const hit = await page.evaluate(({ x, y, selector }) => {
    const el = document.elementFromPoint(x, y);
    return { inside: !!el?.closest(selector), el: el ? `${el.tagName.toLowerCase()}.${el.className}` : null };
  }, { ...point, selector });
  expect(hit.inside, `${why}: (${point.x},${point.y}) is on ${hit.el}, not in ${selector}`).toBe(true);
}

test.describe('swipes on a phone (390×844, touch)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('#/gen/3: a swipe left on the detail shows generation 4, right goes back to 3; a vertical swipe scrolls and changes nothing', async ({ page, app }) => {
    await app.open('#/gen/3');
    await app.settle();
    const p = await pointIn(page.locator('article.detail .detail-section p').first());
    let seen = await swipe(page, { x: 300, y: p.y }, { x: 100, y: p.y });
    await expectHashAfter(page, '#/gen/4', seen);
    await app.expectActive(4, 'swipe left');
    await app.settle();
    const q = await pointIn(page.locator('article.detail .detail-section p').first());
    seen = await swipe(page, { x: 90, y: q.y }, { x: 290, y: q.y });
    await expectHashAfter(page, '#/gen/3', seen);
    await app.expectActive(3, 'swipe right');

    // Up, on the detail (its features list, in the lower half of the screen): the page scrolls, nothing else.
    await app.settle();
    const r = await pointIn(page.locator('article.detail ul.features').first());
    const start = { x: 200, y: Math.round(Math.min(Math.max(r.y, 500), 800)) };
    await expectTouches(page, start, 'article.detail', 'vertical swipe');
    const scrollY = await page.evaluate(() => scrollY);
    seen = await swipe(page, start, { x: 200, y: start.y - 300 });
    await expect.poll(() => page.evaluate(() => scrollY), { message: `the vertical swipe scrolled the page; ${seen}` }).toBeGreaterThan(scrollY + 50);
    await app.expectActive(3, 'after a vertical swipe');
    expect(await page.evaluate(() => location.hash), seen).toBe('#/gen/3');
  });

  test('#/gen/3 (en): a swipe on a table region scrolls the table, not the generation; the detail\'s buttons still work by touch', async ({ page, app }) => {
    // In English the summary table is wider than a phone and scrolls sideways in its region (in Korean it fits).
    await app.open('#/gen/3?lang=en');
    await app.settle();
    const region = page.locator('.table-wrap.summary-table');
    const fits = await region.evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(fits, 'the summary table is wider than a phone: it scrolls sideways').toBe(false);
    const p = await pointIn(region, 0.6);
    await expectTouches(page, { x: 320, y: p.y }, '.table-wrap', 'swipe on the table');
    let seen = await swipe(page, { x: 320, y: p.y }, { x: 120, y: p.y });
    await expect.poll(() => region.evaluate((el) => el.scrollLeft), { message: `the table scrolled; ${seen}` }).toBeGreaterThan(50);
    await app.expectActive(3, 'after a swipe left on the table');
    seen = await swipe(page, { x: 120, y: p.y }, { x: 320, y: p.y });
    await expect.poll(() => region.evaluate((el) => el.scrollLeft), { message: `the table scrolled back; ${seen}` }).toBeLessThan(10);
    await app.expectActive(3, 'after a swipe right on the table');
    expect(await page.evaluate(() => location.hash), seen).toBe('#/gen/3?lang=en');

    await page.locator('button.detail-next').tap();
    await app.expectActive(4, 'the next button, tapped');
    await page.locator('button.detail-prev').tap();
    await app.expectActive(3, 'the previous button, tapped');
  });

  test('presentation: a swipe left shows the next slide, right the one before; not on the summary\'s table', async ({ page, app }) => {
    await app.open('#/present/2');
    await app.settle();
    const p = await pointIn(page.locator('article.detail .detail-section p').first());
    let seen = await swipe(page, { x: 300, y: p.y }, { x: 100, y: p.y });
    await expectHashAfter(page, '#/present/3', seen);
    await expectSlide(page, app, 3, 'swipe left');
    await app.settle();
    const q = await pointIn(page.locator('article.detail .detail-section p').first());
    seen = await swipe(page, { x: 90, y: q.y }, { x: 290, y: q.y });
    await expectHashAfter(page, '#/present/2', seen);
    await expectSlide(page, app, 2, 'swipe right');

    // The summary slide: its table scrolls sideways and keeps its swipes (a swipe right would go back to 6).
    await app.open('#/present/7');
    await app.settle();
    const region = page.locator('.table-wrap.summary-table');
    const t = await pointIn(region, 0.6);
    await expectTouches(page, { x: 100, y: t.y }, '.table-wrap', 'swipe on the summary table');
    seen = await swipe(page, { x: 100, y: t.y }, { x: 300, y: t.y });
    await expectSlide(page, app, 7, `a swipe right on the summary table; ${seen}`);
    seen = await swipe(page, { x: 300, y: t.y }, { x: 100, y: t.y });
    await expectSlide(page, app, 7, `a swipe left on the summary table; ${seen}`);
    expect(await page.evaluate(() => location.hash)).toBe('#/present/7');
  });

  // Found by this test, fixed since (kept as a regression test): on a phone the presentation is wider than the screen. style/present.css lays the
  // timeline's six nodes out in one row (display: flex) with their labels unbroken (white-space: nowrap) at 24 px or
  // more: at 390×844 the page is 714 px wide in Korean (the nodes reach x = 450, 559, …; the labels overlap the next
  // node and the slide's heading is cut off at the right), and the mobile layout viewport grows to fit it
  // (innerWidth 714). Tapping the bar's "← 이전 장" then fails: Playwright finds the summary table's cells
  // ("오케스트레이션", a `th`) over the button and the tap never reaches it. Expected: no sideways scrolling at phone
  // size (WCAG 1.4.10), the bar tappable. Checked in a scratch build that, below 48rem, lets the nodes wrap and hides
  // their labels visually: this test passes there.
  test('presentation on a phone: no sideways scrolling, and the bar works by touch', async ({ page, app }) => {
    const w = words('ko');
    for (const n of [2, 7]) {
      await app.open(`#/present/${n}`);
      await app.settle();
      await app.expectNoHorizontalScroll(`slide ${n} at 390 px`);
    }
    const bar = page.getByRole('navigation', { name: w.tools.present, exact: true });
    await bar.getByRole('button', { name: w.tools.prevSlide }).tap();
    await expectSlide(page, app, 6, 'the bar\'s previous, tapped');
    await bar.getByRole('button', { name: w.tools.nextSlide }).tap();
    await expectSlide(page, app, 7, 'the bar\'s next, tapped');
  });
});
