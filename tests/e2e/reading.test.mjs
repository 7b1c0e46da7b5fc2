// What a picky reader hits on a phone, in print and by keyboard (issue 15): each test failed on the app before
// its fix (see the commit that added this file).
import { test, expect } from './fixtures.mjs';

/** The detail's top edge and heading, relative to the viewport, and what has focus. */
const detailPlace = (page) => page.evaluate(() => {
  const h = document.getElementById('detail-heading').getBoundingClientRect();
  const a = document.activeElement;
  return { top: h.top, bottom: h.bottom, height: innerHeight, scrollY, focus: a ? `${a.tagName.toLowerCase()}#${a.id}.${a.className}` : null };
});

/** Waits until the page has stopped scrolling (a smooth scroll has ended). */
async function scrollSettled(page) {
  let last = null;
  await expect.poll(async () => {
    const y = await page.evaluate(() => new Promise((r) => setTimeout(() => r(scrollY), 150)));
    const still = y === last;
    last = y;
    return still;
  }, { message: 'the page stops scrolling' }).toBe(true);
}

test.describe('on a phone (375×667, touch)', () => {
  test.use({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });

  test('a tap on a generation brings its detail into view and puts focus on its heading', async ({ page, app }) => {
    await app.open('#/');
    await app.node(3).tap();
    await app.expectActive(3, 'tap on 3');
    await expect.poll(async () => {
      const p = await detailPlace(page);
      return p.top >= 0 && p.bottom <= p.height;
    }, { message: 'the detail heading is on screen' }).toBe(true);
    expect((await detailPlace(page)).focus).toContain('#detail-heading');
  });

  test('a tap on a table row does the same; Play brings the detail into view once, its steps never scroll', async ({ page, app }) => {
    await app.open('#/');
    const row = page.locator('.summary-table tbody tr[data-gen="4"] th a');
    await row.scrollIntoViewIfNeeded();
    await row.tap();
    await app.expectActive(4, 'tap on the row of 4');
    await expect.poll(async () => (await detailPlace(page)).top, { message: 'detail on screen' }).toBeLessThan(100);
    expect((await detailPlace(page)).focus).toContain('#detail-heading');

    await app.open('#/');
    await page.getByRole('button', { name: '재생', exact: true }).tap();
    await app.expectActive(1, 'play starts at 1');
    await expect.poll(async () => {
      const p = await detailPlace(page);
      return p.top >= 0 && p.bottom <= p.height;
    }, { message: 'the detail heading is on screen after Play' }).toBe(true);
    expect((await detailPlace(page)).focus, 'Play keeps focus').toContain('play-button');
    // The reader scrolls elsewhere; the next step must not pull the page back.
    await scrollSettled(page);
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await app.expectActive(2, 'playback moved on', { timeout: 6000 });
    expect(await page.evaluate(() => scrollY), 'a play step left the page where the reader put it').toBe(0);
  });
});

test.describe('opening and reloading a deep link (375×667)', () => {
  test.use({ viewport: { width: 375, height: 667 } });

  test('the page opens at the top, and the header does not move when the app takes over', async ({ page, app }) => {
    await page.addInitScript(() => {
      requestAnimationFrame(() => {
        const h = document.querySelector('.site-header');
        window.__firstPaint = { y: scrollY, top: h ? h.getBoundingClientRect().top : null };
      });
    });
    for (const how of ['load', 'reload']) {
      if (how === 'load') await app.open('#/gen/2');
      else { await page.reload(); await app.ready(); }
      await app.settle();
      const r = await page.evaluate(() => ({
        first: window.__firstPaint,
        y: scrollY,
        top: document.querySelector('.site-header').getBoundingClientRect().top,
        title: document.getElementById('detail-heading').getBoundingClientRect().top,
      }));
      expect(r.y, `${how}: opens at the top`).toBe(0);
      if (r.first.top !== null) expect(r.first.top, `${how}: header at first paint = after takeover`).toBe(r.top);
      expect(r.top, `${how}: nothing above the header`).toBeLessThanOrEqual(0.5);
    }
  });
});

/** Words that the layout split across lines, in the visible text of the app. A break after a hyphen
 * ("OS-|level") is where a line may end, so the parts of a hyphenated word count as words. */
const splitWords = (page) => page.evaluate(() => {
  const bad = [];
  const walker = document.createTreeWalker(document.getElementById('app'), NodeFilter.SHOW_TEXT);
  for (let n; (n = walker.nextNode());) {
    const el = n.parentElement;
    if (!el || !el.getClientRects().length || el.closest('.visually-hidden')) continue;
    for (const m of n.data.matchAll(/[^\s-]+-?/g)) {
      const r = document.createRange();
      r.setStart(n, m.index);
      r.setEnd(n, m.index + m[0].length);
      const lines = new Set([...r.getClientRects()].filter((q) => q.width > 0).map((q) => Math.round(q.top)));
      if (lines.size > 1) bad.push(m[0]);
    }
  }
  return bad;
});

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('no word breaks inside itself, in either language, on every generation', async ({ page, app }) => {
    const found = [];
    for (const lang of ['en', 'ko']) {
      await app.open(`#/?lang=${lang}`);
      for (let n = 1; n <= 6; n++) {
        await page.keyboard.press(String(n));
        await app.expectActive(n, `${lang} ${n}`);
        await app.settle();
        found.push(...(await splitWords(page)).map((w) => `${lang} gen ${n}: ${w}`));
      }
      await app.expectNoHorizontalScroll(lang);
    }
    expect(found).toEqual([]);
  });

  test('the bad-link notice stays inside the content column', async ({ page, app }) => {
    await app.open('#/nonsense');
    const [notice, main] = await Promise.all(['.notice', '.timeline'].map((s) => page.locator(s).boundingBox()));
    expect(notice.x, 'left edge').toBeGreaterThanOrEqual(main.x - 0.5);
    expect(notice.x + notice.width, 'right edge').toBeLessThanOrEqual(main.x + main.width + 0.5);
  });
});

test.describe('a table wider than the screen (390 px, English)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('its caption is whole, an edge shows there is more, and ←/→/End/Home scroll it without moving the app', async ({ page, app }) => {
    await app.open('#/gen/2?lang=en');
    const region = page.locator('.summary-table');
    const r = await region.evaluate((w) => {
      const cap = w.querySelector('caption').getBoundingClientRect();
      const box = w.getBoundingClientRect();
      return { scrolls: w.scrollWidth > w.clientWidth, capRight: cap.right, boxRight: box.right, bg: getComputedStyle(w).backgroundImage };
    });
    expect(r.scrolls, 'the summary table scrolls at 390 px in English').toBe(true);
    expect(r.capRight, 'caption within the visible box').toBeLessThanOrEqual(r.boxRight + 0.5);
    expect(r.bg, 'a shadow shows the table goes on').toContain('gradient');

    await region.focus();
    const y = await page.evaluate(() => scrollY);
    const left = () => region.evaluate((w) => w.scrollLeft);
    await page.keyboard.press('ArrowRight');
    await expect.poll(left, { message: '→ scrolls the table' }).toBeGreaterThan(0);
    // Chromium animates a key's scroll; let it end, or it may land after End/Home below.
    let last = -1;
    await expect.poll(async () => { const now = await left(); const still = now === last; last = now; return still; }).toBe(true);
    await page.keyboard.press('End');
    await expect.poll(left, { message: 'End scrolls to the end' }).toBeGreaterThan(50);
    await page.keyboard.press('Home');
    await expect.poll(left, { message: 'Home scrolls back' }).toBe(0);
    await page.keyboard.press('ArrowLeft');
    await app.expectActive(2, 'the keys left the generation alone');
    expect(await page.evaluate(() => scrollY), 'the page did not jump').toBe(y);
  });
});

test.describe('print from a dark screen', () => {
  test.use({ colorScheme: 'dark' });

  test('prints in the light palette: white page, light fills, dark arrows and text', async ({ page, app }, testInfo) => {
    await app.open('#/gen/2');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const c = await page.evaluate(() => {
      const lum = (css) => {
        const [r, g, b] = css.match(/\d+(\.\d+)?/g).map(Number).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const s = (sel, prop) => getComputedStyle(document.querySelector(sel))[prop];
      return {
        body: lum(s('body', 'backgroundColor')),
        node: lum(s('a.node[data-gen="4"]', 'backgroundColor')),
        chip: lum(s('.print-generation .chip', 'backgroundColor')),
        arrow: lum(s('.arrow-line', 'stroke')),
        heading: lum(s('.print-generation h2', 'color')),
      };
    });
    expect(c.body, 'white paper').toBeGreaterThan(0.95);
    expect(c.node, 'a light node fill').toBeGreaterThan(0.8);
    expect(c.chip, 'a light chip fill').toBeGreaterThan(0.8);
    expect(c.arrow, 'dark arrows').toBeLessThan(0.1);
    expect(c.heading, 'dark headings').toBeLessThan(0.1);
    await page.emulateMedia({ media: null });
    const pdf = testInfo.outputPath('dark.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
  });
});

test.describe('small things', () => {
  test('the Play button keeps one width through play, pause and play again, in both languages', async ({ page, app }) => {
    for (const lang of ['ko', 'en']) {
      await app.open(`#/gen/5?lang=${lang}`);
      const play = page.locator('.play-button');
      const widths = [(await play.boundingBox()).width];
      await play.click();
      widths.push((await play.boundingBox()).width);
      await play.click();
      widths.push((await play.boundingBox()).width);
      expect(new Set(widths.map(Math.round)).size, `${lang}: ${widths}`).toBe(1);
    }
  });

  for (const [width, height] of [[1280, 900], [375, 812]]) {
    test(`the active card keeps clear of the arrows (${width} px)`, async ({ page, app }) => {
      await page.setViewportSize({ width, height });
      for (let n = 1; n <= 6; n++) {
        await app.open(`#/gen/${n}`);
        await app.settle();
        const touching = await page.evaluate(() => {
          const node = document.querySelector('.timeline-node.active .node').getBoundingClientRect();
          const ring = 6; // the active ring reaches 6px past the pill (style/timeline.css .node::after)
          return [...document.querySelectorAll('.arrow')].map((a) => a.getBoundingClientRect()).filter((r) =>
            r.left < node.right + ring && r.right > node.left - ring && r.top < node.bottom + ring && r.bottom > node.top - ring).length;
        });
        expect(touching, `generation ${n}: arrows touching the active card`).toBe(0);
      }
    });
  }

  test('in forced colours, "current" and "focused" look different', async ({ page, app }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await app.open('#/gen/3');
    await app.node(4).focus();
    await page.keyboard.press('Shift+Tab'); // keyboard focus (focus-visible) on node 3… then back to 4
    await page.keyboard.press('Tab');
    const style = (n) => page.locator(`a.node[data-gen="${n}"]`).evaluate((a) => {
      const s = getComputedStyle(a);
      return `border ${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor}; outline ${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}`;
    });
    const current = await style(3); // current, not focused
    const focused = await style(4); // focused, not current
    expect(current, 'current vs focused').not.toEqual(focused);
    const outlineOf = (s) => s.split('outline ')[1];
    const borderOf = (s) => s.split(';')[0];
    expect(outlineOf(current), 'current is not drawn like focus').not.toEqual(outlineOf(focused));
    expect(borderOf(current), 'current has its own border').not.toEqual(borderOf(focused));
  });
});

test.describe('focus that a key would drop', () => {
  for (const [start, button, key, why] of [
    [5, '.detail-next', 'End', 'End disables Next'],
    [2, '.detail-prev', 'Home', 'Home disables Previous'],
    [3, '.detail-prev', '1', '1 disables Previous'],
    [5, '.detail-next', 'ArrowRight', '→ disables Next'],
    [3, '.detail-overview', 'Escape', 'Esc hides the detail'],
  ]) {
    test(`${why}: focus goes to the heading, not the page`, async ({ page, app }) => {
      await app.open(`#/gen/${start}`);
      await page.locator(button).focus();
      await page.keyboard.press(key);
      const heading = key === 'Escape' ? '#overview-heading' : '#detail-heading';
      await expect.poll(() => app.probe(() => document.activeElement?.id || document.activeElement?.tagName), { message: 'focus' })
        .toBe(heading.slice(1));
    });
  }
});
