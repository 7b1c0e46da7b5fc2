// The built app (dist/) served by nginx under a sub-path, in headless Chromium: content, navigation, deep links,
// history, keys, bad links, phone and desktop layout, reduced motion and the no-wasm fallback.
// Every test fails on a console error, an uncaught error or a CSP violation (fixtures.mjs).
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { test, expect } from './fixtures.mjs';
import { DIST, SUB_PATH } from './server.mjs';
import { GENERATIONS, words } from './content.mjs';

const KO = words('ko');

test('open: six generations, both tables, loading text gone, everything served from the sub-path', async ({ page, app, site }) => {
  const requests = [];
  page.on('requestfinished', async (req) => {
    const res = await req.response();
    requests.push({ url: req.url(), status: res?.status(), type: res?.headers()['content-type'] });
  });
  page.on('requestfailed', (req) => requests.push({ url: req.url(), status: 'failed', type: req.failure()?.errorText }));
  await app.open();

  await expect(page.locator('#boot'), 'static loading text #boot removed').toHaveCount(0);
  await expect(page).toHaveTitle(KO.title);
  await app.expectActive(null, 'first load');

  // Six generations in the timeline's lists, and in the header the two links to the other views (issue 12).
  await expect(app.timeline().getByRole('listitem').getByRole('link'), 'six generation links in the timeline').toHaveCount(6);
  await expect(page.getByRole('navigation', { name: KO.ui.views }).getByRole('link'), 'compare and the technology index').toHaveCount(2);
  for (const g of GENERATIONS) {
    const link = app.timeline().getByRole('link', { name: g.node_title.ko });
    await expect(link, `timeline link "${g.node_title.ko}"`).toHaveCount(1);
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('href', `#/gen/${g.id}`);
    await expect(link).toHaveAttribute('data-gen', String(g.id));
    await expect(link).toContainText(g.label.ko, { useInnerText: true });
  }
  await expect(page.getByRole('button', { name: KO.ui.play, exact: true }), 'play button').toBeVisible();

  const summary = page.getByRole('table', { name: KO.summaryCaption });
  await expect(summary).toBeVisible();
  const headers = (await summary.getByRole('columnheader').allInnerTexts()).map((h) => h.trim());
  expect(headers).toEqual(KO.summaryColumns);
  const col = headers.indexOf(KO.summaryColumns[2]); // 핵심 기술
  const rows = await summary.locator('tbody tr').evaluateAll((trs, col) =>
    trs.map((tr) => ({
      first: `${tr.children[0].tagName} ${tr.children[0].getAttribute('scope')}`,
      // innerText: what is shown (the page holds every text in both languages, one of them hidden).
      label: tr.children[0].innerText.trim(),
      href: tr.children[0].querySelector('a')?.getAttribute('href'),
      tech: tr.children[col]?.innerText.trim() ?? '',
    })), col);
  expect(rows.map(({ first, label, href }) => ({ first, label, href })), 'six rows, each starting with a row header link')
    .toEqual(GENERATIONS.map((g) => ({ first: 'TH row', label: g.label.ko, href: `#/gen/${g.id}` })));
  rows.forEach((r, i) => {
    for (const tech of GENERATIONS[i].summary.technologies) expect(r.tech, `핵심 기술 of generation ${i + 1}`).toContain(tech);
  });

  const diagram = page.getByRole('table', { name: KO.diagramCaption });
  await expect(diagram).toBeVisible();
  await expect(diagram.locator('tbody tr')).toHaveCount(6);

  // Every file came from the sub-path (relative URLs), with a success status and a usable type.
  const ours = requests.filter((r) => r.url.startsWith(site.origin) && new URL(r.url).pathname !== '/favicon.ico');
  expect(ours.length, `requests: ${JSON.stringify(requests)}`).toBeGreaterThanOrEqual(3);
  for (const r of ours) {
    expect(new URL(r.url).pathname, `${r.url} is under ${SUB_PATH}`).toMatch(new RegExp(`^${SUB_PATH}`));
    expect(typeof r.status === 'number' && r.status < 400, `${r.url}: ${r.status}`).toBe(true);
  }
  const wasm = ours.filter((r) => r.url.endsWith('.wasm'));
  expect(wasm.length, 'one wasm loaded').toBe(1);
  expect(wasm[0].type ?? '', 'wasm served as application/wasm').toMatch(/^application\/wasm/);
});

test('click generation 3, deep link survives reload, back/forward follow the history', async ({ page, app }) => {
  await app.open();
  await app.node(3).click();
  await app.expectHash('#/gen/3');
  await app.expectActive(3, 'after click');
  await expect(page.locator('.gen-table tbody tr.active'), 'gen 3 row highlighted in both tables').toHaveCount(2);

  await page.reload();
  await app.ready();
  await app.expectHash('#/gen/3');
  await app.expectActive(3, 'after reload');

  await app.node(5).click();
  await app.expectHash('#/gen/5');
  await app.expectActive(5, 'after clicking 5');

  await page.goBack();
  await app.expectHash('#/gen/3');
  await app.expectActive(3, 'after goBack');

  await page.goForward();
  await app.expectHash('#/gen/5');
  await app.expectActive(5, 'after goForward');

  // A generation link in a table selects too.
  await page.getByRole('table', { name: KO.summaryCaption }).getByRole('link', { name: KO.label(2), exact: true }).click();
  await app.expectHash('#/gen/2');
  await app.expectActive(2, 'after the table link');
});

test('keyboard: arrows, Home/End, digits, Escape; Tab reaches the timeline with a visible focus ring', async ({ page, app }) => {
  await app.open();
  for (const [key, n] of [['ArrowRight', 1], ['End', 6], ['ArrowLeft', 5], ['Home', 1], ['4', 4], ['Escape', null]]) {
    await page.keyboard.press(key);
    await app.expectActive(n, `after ${key}`);
    await app.expectHash(n == null ? '#/' : `#/gen/${n}`);
    // Reaching the last generation by a key is not playing to the end: the button still offers plain play.
    if (key === 'End') await expect(page.locator('button.play-button'), 'play (not "play again") at 6 reached by End').toHaveText(KO.ui.play, { useInnerText: true });
  }

  // Tab from the top of a fresh page: the play button and the six nodes, in order, each with an outline.
  await app.open();
  const seen = [];
  for (let i = 0; i < 40 && !(seen.includes('play') && seen.includes('gen6')); i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      const cs = el && getComputedStyle(el);
      return {
        id: el?.matches('button.play-button') ? 'play' : el?.matches('a.node') ? `gen${el.dataset.gen}` : el?.tagName,
        outlineStyle: cs?.outlineStyle,
        outlineWidth: cs?.outlineWidth,
      };
    });
    seen.push(f.id);
    if (f.id === 'play' || /^gen\d$/.test(f.id)) {
      expect(f.outlineStyle, `${f.id} focused by Tab shows an outline`).not.toBe('none');
      expect(f.outlineWidth, `${f.id} focus outline has a width`).not.toBe('0px');
    }
  }
  expect(seen.filter((s) => s === 'play' || /^gen\d$/.test(s)), `Tab order: ${seen.join(' → ')}`)
    .toEqual(['play', 'gen1', 'gen2', 'gen3', 'gen4', 'gen5', 'gen6']);
});

test('Space on a focused timeline link plays, Space again pauses', async ({ page, app }) => {
  // Tall enough that the detail is on screen: Play would bring it into view otherwise (issue 15), which is not the
  // page scroll that Space must not cause.
  await page.setViewportSize({ width: 1280, height: 1200 });
  await app.open();
  await app.node(3).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: KO.ui.pause, exact: true }), 'Space on a timeline link starts playback (the button offers pause)').toBeVisible();
  await app.expectActive(1, 'playback starts at 1 from the overview');
  expect(await page.evaluate(() => window.scrollY), 'Space did not scroll the page').toBe(0);

  // Playing moves on by itself (every 3.5 s).
  await app.expectActive(2, 'playback reached 2', { timeout: 6000 });

  expect(await page.evaluate(() => document.activeElement?.closest('section.timeline') != null), 'focus stayed in the timeline').toBe(true);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: KO.ui.play, exact: true }), 'second Space pauses (the button offers play)').toBeVisible();
  // Longer than a play step: a paused playback must not move on.
  await page.waitForTimeout(4000);
  await app.expectActive(2, 'paused playback stays put');
});

const JUNK = (() => {
  const piece = '/gen/x?lang=<b>"ü😀</b>&%zz#\u0000\u202e';
  let s = '';
  while (s.length < 10 * 1024) s += piece + s.length;
  return s.slice(0, 10 * 1024);
})();

test('bad hashes show the overview with a polite notice', async ({ page, app }) => {
  for (const hash of ['#/gen/9', '#/gen/abc', '#%%%', `#${JUNK}`]) {
    const what = hash.length > 40 ? '10 KB junk hash' : hash;
    await app.open(hash);
    if (hash.length < 40) expect(await page.evaluate(() => location.hash), 'the browser kept the hash as given').toBe(hash);
    else expect(await page.evaluate(() => location.hash.length), 'the long hash reached the page').toBeGreaterThanOrEqual(10 * 1024);
    await app.expectActive(null, what);
    const notice = page.getByRole('status');
    await expect(notice, `${what}: a role=status notice`).toBeVisible();
    const text = await notice.innerText();
    expect(text, `${what}: the notice says it shows the overview`).toContain(KO.ui.noticeOverview);
    expect(text.length, `${what}: the notice repeats only an excerpt`).toBeLessThan(400);
    await expect(page.locator('.notice b, .notice script, .notice img'), `${what}: hash text is not markup`).toHaveCount(0);
    expect(await page.evaluate(() => document.body.innerText.trim().length), `${what}: body is not blank`).toBeGreaterThan(200);
    await expect(app.timeline().getByRole('listitem').getByRole('link'), `${what}: timeline shown`).toHaveCount(6);
  }

  // A bad hash typed while the app runs, then dismissed: clean overview URL, notice gone.
  await app.open('#/gen/3');
  await app.expectActive(3, 'before the bad hash');
  await page.evaluate(() => { location.hash = '#/gen/0'; });
  await app.expectActive(null, 'hashchange to #/gen/0');
  await expect(page.getByRole('status')).toBeVisible();
  await page.getByRole('button', { name: KO.ui.dismiss }).click();
  await expect(page.getByRole('status')).toHaveCount(0);
  await app.expectHash('#/');
  await app.expectActive(null, 'after dismiss');
});

/** The centre and box of every timeline node. */
async function nodeBoxes(page) {
  const boxes = [];
  for (let n = 1; n <= 6; n++) {
    const box = await page.locator(`a.node[data-gen="${n}"]`).boundingBox();
    expect(box, `node ${n} has a box`).not.toBeNull();
    boxes.push({ n, cx: box.x + box.width / 2, y: box.y, h: box.height, w: box.width });
  }
  return boxes;
}

test.describe('phone', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test('375×812: vertical timeline, no horizontal scroll; 320×640 too', async ({ page, app }) => {
    await app.open();
    await app.settle();
    await app.expectNoHorizontalScroll('375 overview');
    const boxes = await nodeBoxes(page);
    for (const b of boxes) expect(Math.abs(b.cx - boxes[0].cx), `node ${b.n} x-centre ${b.cx} vs node 1 ${boxes[0].cx}`).toBeLessThanOrEqual(3);
    for (let i = 1; i < 6; i++) {
      expect(boxes[i].y, `node ${i + 1} below node ${i} (y=${boxes[i - 1].y}, h=${boxes[i - 1].h})`).toBeGreaterThanOrEqual(boxes[i - 1].y + boxes[i - 1].h);
    }

    await app.node(3).click();
    await app.expectActive(3, 'phone click');
    await app.settle();
    await app.expectNoHorizontalScroll('375 gen 3');

    await page.setViewportSize({ width: 320, height: 640 });
    for (const n of [null, 1, 2, 3, 4, 5, 6]) {
      await page.keyboard.press(n == null ? 'Escape' : String(n));
      await app.expectActive(n, `320 ${n ?? 'overview'}`);
      await app.settle();
      await app.expectNoHorizontalScroll(`320 ${n == null ? 'overview' : `gen ${n}`}`);
    }
  });
});

test.describe('phone, tables', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('a table wider than its box is marked data-scrolls (the edge shadow), and only while it is', async ({ page, app }) => {
    await app.open();
    const marks = () => page.locator('.table-wrap').evaluateAll((wraps) => wraps.filter((w) => w.offsetParent)
      .map((w) => [w.classList[1], w.scrollWidth > w.clientWidth + 1, w.hasAttribute('data-scrolls')]));
    // Every shown table: marked exactly when it scrolls; at 320 px the summary table does.
    await expect.poll(async () => (await marks()).filter(([, scrolls, marked]) => scrolls !== marked)).toEqual([]);
    expect((await marks()).find(([name]) => name === 'summary-table'), 'the summary table scrolls at 320 px').toEqual(['summary-table', true, true]);
    await page.setViewportSize({ width: 1920, height: 900 });
    await expect.poll(async () => (await marks()).filter(([, scrolls, marked]) => scrolls !== marked)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 640 });
    await expect.poll(async () => (await marks()).filter(([, , marked]) => marked).length).toBeGreaterThan(0);
  });
});

test.describe('desktop', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('1280×900: two rows of three', async ({ page, app }) => {
    await app.open();
    await app.settle();
    await app.expectNoHorizontalScroll('1280 overview');
    const b = await nodeBoxes(page);
    for (const [row, ns] of [[1, [1, 2, 3]], [2, [4, 5, 6]]]) {
      const ys = ns.map((n) => b[n - 1].y);
      expect(Math.max(...ys) - Math.min(...ys), `row ${row} nodes share a row: y=${ys.join(', ')}`).toBeLessThanOrEqual(1);
      const xs = ns.map((n) => b[n - 1].cx);
      expect(xs[0] < xs[1] && xs[1] < xs[2], `row ${row} left to right: x=${xs.join(', ')}`).toBe(true);
    }
    expect(b[3].y, `row 2 below row 1 (y=${b[0].y}, h=${b[0].h})`).toBeGreaterThanOrEqual(b[0].y + b[0].h);
  });
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('clicking works and nothing animates', async ({ page, app }) => {
    await app.open();
    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
    await app.node(3).click();
    await app.expectHash('#/gen/3');
    await app.expectActive(3, 'reduced motion click');
    const running = await page.evaluate(() =>
      document.getAnimations().map((a) => `${a.constructor.name} ${a.animationName ?? a.transitionProperty ?? ''} on ${a.effect?.target?.className?.baseVal ?? a.effect?.target?.className ?? '?'}`));
    expect(running, 'no running CSS animations or transitions').toEqual([]);
    await page.keyboard.press('ArrowRight');
    await app.expectActive(4, 'reduced motion key');
    expect(await page.evaluate(() => document.getAnimations().length), 'still nothing animates').toBe(0);
  });
});

test.describe('no wasm', () => {
  // The blocked wasm: Chromium logs the failed load, and the loader's promise rejects (boot.js shows the message).
  test.use({ expectedErrors: /^Failed to load resource: net::ERR_FAILED$|^Failed to fetch$/ });

  test('the static page says the app could not load, and stays usable', async ({ page, app }) => {
    let blocked = 0;
    await page.route('**/*.wasm', (route) => {
      blocked += 1;
      return route.abort();
    });
    await page.goto(app.url);
    const failed = page.locator('.boot-failed');
    await expect(failed, '.boot-failed shown when the wasm cannot load').toBeVisible({ timeout: 10_000 });
    await expect(failed).toContainText(KO.ui.bootFailed);
    expect(blocked, 'the wasm request was made and blocked').toBeGreaterThanOrEqual(1);
    // The prerendered page stays usable: every generation in full, the timeline linking to each.
    const sections = page.locator('article.print-generation');
    await expect(sections, 'six prerendered generation sections').toHaveCount(6);
    for (let n = 1; n <= 6; n++) await expect(sections.nth(n - 1), `generation ${n} section visible without the app`).toBeVisible();
    await app.node(4).click();
    expect(await page.evaluate(() => location.hash)).toBe('#/gen/4');
    const top = await page.evaluate(() => document.getElementById('/gen/4').getBoundingClientRect().top);
    expect(Math.abs(top), `the link scrolled to generation 4's section (top ${top})`).toBeLessThan(5);
    await expect(page.locator('.play-button'), 'controls that need the app are hidden').toBeHidden();
  });
});

// A document can arrive in parts, and Chromium paints what it has parsed so far. Painted with the header half
// parsed (here: the pause falls just before the theme select's sizer, or before the settings), the header's right
// side moved when the rest came: a layout shift (issue 9's CLS in one load of five at 4× CPU). Its links and settings
// are now drawn only once the header is whole (style/settings.css). Served here by a small server of the test's own
// that pauses in the middle of index.html.
test.describe('a page that arrives in parts', () => {
  test.use({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });

  // Where the parser may stop and the page be painted: in the header (its right side is laid out from the right)
  // and in the play bar (the progress is centred on its line; the play label is centred in the room of the longest).
  for (const cut of ['<span aria-hidden="true" class="theme-sizer">', '<div role="group" aria-label="보기 설정"',
    '<span class="pause-label">', '<span aria-hidden="true" class="progress-text">']) {
    test(`a half-parsed page: nothing moves (pause before ${cut.replace(/ aria-hidden="true"/, "").slice(0, 32)}…)`, async ({ page, app }) => {
      const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json', '.png': 'image/png' };
      const server = createServer((req, res) => {
        const path = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/$/, '/index.html');
        const file = join(DIST, path);
        if (path.includes('..') || !existsSync(file)) { res.writeHead(404); res.end(); return; }
        const body = readFileSync(file);
        res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        const at = path === '/index.html' ? body.indexOf(Buffer.from(cut)) : -1;
        if (at < 0) { res.end(body); return; }
        res.write(body.subarray(0, at));
        setTimeout(() => res.end(body.subarray(at)), 700);
      }).listen(0, '127.0.0.1');
      await new Promise((ok) => server.once('listening', ok));
      try {
        await page.addInitScript(() => {
          window.__shifts = [];
          new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push(e.value); }).observe({ type: 'layout-shift', buffered: true });
        });
        await app.open('', { url: `http://127.0.0.1:${server.address().port}/` });
        await app.settle();
        expect(await page.evaluate(() => window.__shifts), 'no layout shift').toEqual([]);
        for (const part of ['.site-header > .view-links', '.site-header > .settings', '.timeline-bar .play-label', '.progress-text']) {
          await expect(page.locator(part), `${part} drawn in the end`).toBeVisible();
        }
      } finally {
        server.close();
      }
    });
  }
});
