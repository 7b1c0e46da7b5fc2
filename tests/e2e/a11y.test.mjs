// Accessibility of the built app beyond axe (axe.test.mjs runs it on every language × theme × width): a
// keyboard-only walkthrough, timeline semantics, forced colours, reflow at 320 px and at 200 % zoom, and target sizes.
import { test, expect } from './fixtures.mjs';
import { GENERATIONS, STORAGE, generation, words } from './content.mjs';

const KO = words('ko');

// --------------------------------------------------------------------------------------------------------
// 1. Keyboard only.

/** What the focused element is, in the words of the tests, and how its focus is drawn. */
function focusInfo(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const key = (e) => {
      if (!e || e === document.body || e === document.documentElement) return 'body';
      if (e.matches('a.skip-link')) return 'skip';
      if (e.matches('a.lang-link')) return `lang-${e.getAttribute('hreflang')}`;
      if (e.matches('label.theme-choice select')) return 'theme';
      if (e.matches('button.play-button')) return 'play';
      if (e.matches('#search-field')) return 'search';
      if (e.matches('.view-links a')) return `view-${e.getAttribute('href').split(/[/?]/)[1]}`;
      if (e.matches('a.detail-compare')) return 'detail-compare';
      if (e.matches('.chip a')) return `${e.closest('.detail') ? 'detail' : e.closest('.diagram-table') ? `diagram-${e.closest('tr').dataset.gen}` : `summary-${e.closest('tr').dataset.gen}`}-chip-${e.innerText.trim()}`;
      if (e.matches('a.node')) return `node-${e.dataset.gen}`;
      if (e.matches('.notice button')) return 'notice-dismiss';
      if (e.matches('button.detail-prev')) return 'detail-prev';
      if (e.matches('button.detail-overview')) return 'detail-overview';
      if (e.matches('button.detail-next')) return 'detail-next';
      if (e.matches('.table-wrap')) return `region-${[...e.classList].pop()}`;
      if (e.matches('.diagram-table a')) return `diagram-${e.closest('tr').dataset.gen}`;
      if (e.matches('.summary-table a')) return `summary-${e.closest('tr').dataset.gen}`;
      if (e.matches('.tool[data-action]')) return `tool-${e.dataset.action}`;
      if (e.matches('a.tool')) return 'tool-present';
      if (e.matches('.export summary')) return 'export';
      if (e.matches('main#main')) return 'main';
      if (e.matches('#detail-heading')) return 'detail-heading';
      if (e.matches('#overview-heading')) return 'overview-heading';
      return `other:${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${[...e.classList].join('.')}`;
    };
    const transparent = (c) => !c || c === 'transparent' || /^rgba\(.*,\s*0\)$/.test(c);
    let indicator = null;
    let inViewport = null;
    if (el && el !== document.body) {
      const cs = getComputedStyle(el);
      const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1 && !transparent(cs.outlineColor);
      const shadow = cs.boxShadow !== 'none';
      indicator = { outline, shadow, focusVisible: el.matches(':focus-visible'), css: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}; box-shadow ${cs.boxShadow}` };
      const r = el.getBoundingClientRect();
      inViewport = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
    }
    // Every element Tab should reach, in document order (no positive tabindex in this app).
    // (checkVisibility: what a closed <details> holds has boxes but is not shown, nor reached by Tab.)
    const tabbable = [...document.querySelectorAll('a[href], button, select, input, textarea, summary, [tabindex]')]
      .filter((e) => e.tabIndex >= 0 && !e.disabled && e.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }))
      .map(key);
    return { key: key(el), indicator, inViewport, tabbable, hash: location.hash, url: location.href };
  });
}

/** Presses Tab (or Shift+Tab) until `want` has focus; fails after `max` presses. */
async function tabTo(page, want, { back = false, max = 90 } = {}) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focusInfo(page);
    seen.push(f.key);
    if (f.key === want) return f;
  }
  throw new Error(`${back ? 'Shift+Tab' : 'Tab'} never reached ${want}: ${seen.join(' → ')}`);
}

const focused = async (page) => (await focusInfo(page)).key;

/** On #/gen/3; the technology chips (links to the index, issue 12) from the content file. */
const EXPECTED_STOPS = [
  // The header's links to the other views and the search field (issue 12).
  'skip', 'view-compare', 'view-tech', 'lang-ko', 'lang-en', 'theme', 'search', 'play',
  'node-1', 'node-2', 'node-3', 'node-4', 'node-5', 'node-6',
  ...generation(3).technologies.map((t) => `detail-chip-${t}`),
  'detail-prev', 'detail-overview', 'detail-compare', 'detail-next',
  // Each table's wrapper is a focusable region (it scrolls sideways on narrow screens), then its links: each row's
  // generation, then its technologies.
  'region-diagram-table', ...GENERATIONS.flatMap((g) => [`diagram-${g.id}`, ...g.diagram.technologies.map((t) => `diagram-${g.id}-chip-${t}`)]),
  'region-summary-table', ...GENERATIONS.flatMap((g) => [`summary-${g.id}`, ...g.summary.technologies.map((t) => `summary-${g.id}-chip-${t}`)]),
  // The tools at the foot (issue 14); "Share" only where the browser can share (not headless Chromium on Linux),
  // the presentation's bar only in the presentation.
  'tool-help', 'tool-present', 'tool-copy-link', 'tool-cite', 'tool-bibtex', 'tool-embed', 'export',
];

test.use({ viewport: { width: 1280, height: 900 } });

test('keyboard: Tab reaches every control in order with a visible focus indicator, no trap, Shift+Tab walks back', async ({ page, app }) => {
  await app.open('#/gen/3');
  await app.settle();
  const { tabbable } = await focusInfo(page);
  expect(tabbable, 'the focusable controls in document order').toEqual(EXPECTED_STOPS);

  const forward = [];
  const problems = [];
  for (let i = 0; i < EXPECTED_STOPS.length + 5; i++) {
    await page.keyboard.press('Tab');
    const f = await focusInfo(page);
    if (f.key === 'body') break; // focus left the page after the last control: no trap
    forward.push(f.key);
    if (!f.indicator.focusVisible) problems.push(`${f.key}: not :focus-visible after Tab`);
    if (!f.indicator.outline && !f.indicator.shadow) problems.push(`${f.key}: no focus indicator (${f.indicator.css})`);
    if (!f.inViewport) problems.push(`${f.key}: focused but not on screen`);
  }
  expect(forward, `Tab order: ${forward.join(' → ')}`).toEqual(EXPECTED_STOPS);
  expect(problems, 'focus indicator problems').toEqual([]);
  expect(await focused(page), 'Tab after the last control leaves the page (no keyboard trap)').toBe('body');
  await page.keyboard.press('Tab');
  expect(await focused(page), 'Tab after leaving the page starts again at the skip link').toBe('skip');

  // Back from the last control to the first.
  await page.locator('.export summary').focus();
  const backward = [EXPECTED_STOPS.at(-1)];
  for (let i = 0; i < EXPECTED_STOPS.length - 1; i++) {
    await page.keyboard.press('Shift+Tab');
    backward.push(await focused(page));
  }
  expect(backward, `Shift+Tab order: ${backward.join(' → ')}`).toEqual([...EXPECTED_STOPS].reverse());

  // A bad link's notice adds its dismiss button between the header and the timeline.
  await app.open('#/gen/9');
  const withNotice = (await focusInfo(page)).tabbable;
  expect(withNotice.slice(0, 9), `with a notice: ${withNotice.join(' → ')}`).toEqual(['skip', 'view-compare', 'view-tech', 'lang-ko', 'lang-en', 'theme', 'notice-dismiss', 'search', 'play']);
  const dismiss = await tabTo(page, 'notice-dismiss');
  expect(dismiss.indicator.focusVisible && (dismiss.indicator.outline || dismiss.indicator.shadow), `dismiss button focus: ${dismiss.indicator.css}`).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.locator('.notice')).toHaveCount(0);
  expect(await page.evaluate(() => location.hash), 'Enter on dismiss cleared the bad link').toBe('#/');
  await expect.poll(() => focused(page), { message: 'the dismissed notice took its button along: focus is on the overview heading, not <body>' }).toBe('overview-heading');
});

test('keyboard: operate skip link, play (Enter/Space), nodes, detail nav, table links, language (Enter) and theme (arrows)', async ({ page, app }) => {
  await app.open('#/');
  await app.settle();
  const live = page.locator('div[aria-live="polite"]'); // the announcer (the search count is another, a <p>)
  const theme = () => page.evaluate((key) => ({ value: document.querySelector('label.theme-choice select').value, theme: document.documentElement.dataset.theme, saved: localStorage.getItem(key), hash: location.hash }), STORAGE.theme);

  // Skip link: first Tab stop; Enter moves focus to main without touching the route in the URL.
  await page.keyboard.press('Tab');
  let f = await focusInfo(page);
  expect(f.key, 'first Tab stop is the skip link').toBe('skip');
  await expect(page.locator('a.skip-link')).toHaveText(KO.ui.skip, { useInnerText: true });
  const urlBefore = f.url;
  await page.keyboard.press('Enter');
  f = await focusInfo(page);
  expect(f.key, 'Enter on the skip link focuses main#main').toBe('main');
  expect(f.url, 'the skip link did not change the URL').toBe(urlBefore);
  await page.keyboard.press('Tab');
  expect(await focused(page), 'the next Tab after skipping lands on the first control in main (the search field)').toBe('search');
  await page.keyboard.press('Tab');
  expect(await focused(page), 'then play').toBe('play');

  // Play with Enter, pause with Space; the button's name and the live region follow.
  const play = page.locator('button.play-button');
  await page.keyboard.press('Enter');
  await expect(play, 'Enter on play starts playback (the button says 일시 정지)').toHaveText(KO.ui.pause, { useInnerText: true });
  await expect.poll(() => app.active(), { message: 'playback starts at generation 1' }).toBe('1');
  await expect(live, 'live region announces 재생 중').toContainText(KO.ui.playing);
  await expect(live, 'live region announces 1세대: 물리 서버 시대').toContainText(KO.announcement(1));
  expect(await focused(page), 'focus stays on play').toBe('play');
  await page.keyboard.press('Space');
  await expect(play, 'Space on the button pauses (the button says 재생)').toHaveText(KO.ui.play, { useInnerText: true });
  await expect(live, 'live region announces 일시 정지됨').toContainText(KO.ui.paused);
  await expect(play, 'a play/pause button whose name changes has no aria-pressed').not.toHaveAttribute('aria-pressed');

  // A node with Enter.
  await tabTo(page, 'node-2');
  await page.keyboard.press('Enter');
  await app.expectHash('#/gen/2');
  await app.expectActive(2, 'Enter on node 2');
  expect(await focused(page), 'focus stays on node 2').toBe('node-2');
  await expect(live, 'live region announces 2세대: 가상화 시대').toContainText(KO.announcement(2));

  // The detail's buttons with Enter.
  await tabTo(page, 'detail-next');
  await page.keyboard.press('Enter');
  await app.expectHash('#/gen/3');
  await expect(live).toContainText(KO.announcement(3));
  expect(await focused(page), 'focus stays on 다음 세대 after it moved on').toBe('detail-next');
  await page.keyboard.press('Enter');
  await app.expectHash('#/gen/4');
  await tabTo(page, 'detail-prev', { back: true });
  await page.keyboard.press('Enter');
  await app.expectHash('#/gen/3');
  await tabTo(page, 'detail-overview');
  await page.keyboard.press('Enter');
  await app.expectHash('#/');
  await app.expectActive(null, 'Enter on 전체 보기로 돌아가기');

  // A table link with Enter.
  await page.keyboard.press('Escape');
  await page.locator('a.skip-link').focus();
  await tabTo(page, 'summary-5');
  await page.keyboard.press('Enter');
  await app.expectHash('#/gen/5');

  // Language with Enter: from the top again.
  await page.locator('a.skip-link').focus();
  await tabTo(page, 'lang-en');
  await page.keyboard.press('Enter');
  await expect(page.locator('html'), 'Enter on English switches the language').toHaveAttribute('lang', 'en');
  await app.expectHash('#/gen/5?lang=en');
  await expect(page.locator('a.lang-link[hreflang="en"]')).toHaveAttribute('aria-current', 'true');
  expect(await focused(page), 'focus stays on the language link').toBe('lang-en');

  // Theme with the arrow keys on the (closed) select; the change applies and is saved.
  await tabTo(page, 'theme');
  const hash = '#/gen/5?lang=en';
  expect(await theme()).toEqual({ value: 'system', theme: 'light', saved: null, hash });
  await page.keyboard.press('ArrowDown');
  await expect.poll(theme, { message: 'ArrowDown on the theme select chooses light' }).toEqual({ value: 'light', theme: 'light', saved: 'light', hash });
  await page.keyboard.press('ArrowDown');
  await expect.poll(theme, { message: 'ArrowDown again chooses dark; arrow keys on the select do not move between generations' }).toEqual({ value: 'dark', theme: 'dark', saved: 'dark', hash });
  await page.keyboard.press('ArrowUp');
  await expect.poll(theme, { message: 'ArrowUp goes back to light' }).toEqual({ value: 'light', theme: 'light', saved: 'light', hash });
  expect(await focused(page), 'focus stays on the select').toBe('theme');
});

test('timeline semantics: rows named by their labels, nodes 1–5 described by what comes next, aria-current="step" on the active one', async ({ page, app }) => {
  await app.open('#/gen/3');
  const t = await page.evaluate(() => ({
    rows: [...document.querySelectorAll('section.timeline ol.timeline-rows > li.timeline-row')].map((li) => {
      const ol = li.querySelector('ol.timeline-nodes');
      const label = document.getElementById(ol.getAttribute('aria-labelledby'));
      // innerText: the words shown (the page holds both languages, one hidden).
      return { label: label?.innerText.trim(), labelInRow: label?.closest('li.timeline-row') === li, nodes: [...ol.querySelectorAll(':scope > li.timeline-node > a.node')].map((a) => a.dataset.gen) };
    }),
    nodes: [...document.querySelectorAll('a.node')].map((a) => ({
      gen: a.dataset.gen,
      href: a.getAttribute('href'),
      current: a.getAttribute('aria-current'),
      describedBy: a.getAttribute('aria-describedby') ? document.getElementById(a.getAttribute('aria-describedby'))?.innerText.trim() ?? 'missing element' : null,
    })),
  }));
  expect(t.rows).toEqual([
    { label: KO.rows[0], labelInRow: true, nodes: ['1', '2', '3'] },
    { label: KO.rows[1], labelInRow: true, nodes: ['4', '5', '6'] },
  ]);
  expect(t.nodes).toEqual(GENERATIONS.map((g, i) => ({
    gen: String(g.id),
    href: `#/gen/${g.id}`,
    current: g.id === 3 ? 'step' : null,
    describedBy: GENERATIONS[i + 1] ? KO.ui.leadsTo(GENERATIONS[i + 1]) : null,
  })));
});

test('keyboard: focus is not dropped to <body> when the focused control is hidden or disabled: it goes to the heading shown', async ({ page, app }) => {
  // 전체 보기로 돌아가기 hides the detail (and its buttons) and shows the overview: focus goes to its heading.
  await app.open('#/gen/3');
  await page.locator('button.detail-overview').focus();
  await page.keyboard.press('Enter');
  await app.expectActive(null, 'overview shown');
  await expect.poll(() => focused(page), { message: 'after 전체 보기로 돌아가기 (the button is hidden with the detail) focus is on the overview heading, not <body>' }).toBe('overview-heading');

  // 다음 세대 at generation 5 moves to 6, where it is disabled: focus goes to the detail's heading.
  await app.open('#/gen/5');
  await page.locator('button.detail-next').focus();
  await page.keyboard.press('Enter');
  await app.expectActive(6, 'generation 6 shown');
  await expect(page.locator('button.detail-next'), 'no next generation after 6').toBeDisabled();
  await expect.poll(() => focused(page), { message: 'after 다음 세대 was disabled, focus is on the detail heading, not <body>' }).toBe('detail-heading');
});

// --------------------------------------------------------------------------------------------------------
// 2. Forced colours (Windows high contrast).

/** WCAG relative luminance contrast between two computed CSS colours (alpha ignored). */
const CONTRAST_FN = `
  function lum(c) {
    const m = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2];
  }
  function contrast(a, b) { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); }
`;

async function forcedColorsReport(page) {
  return page.evaluate(`(() => {
    ${CONTRAST_FN}
    const transparent = (c) => !c || c === 'none' || c === 'transparent' || /^rgba\\(.*,\\s*0\\)$/.test(c);
    const canvas = getComputedStyle(document.body).backgroundColor;
    const problems = [];
    const nodes = [...document.querySelectorAll('a.node')];
    for (const a of nodes) {
      const cs = getComputedStyle(a);
      if (cs.borderTopStyle === 'none' || parseFloat(cs.borderTopWidth) < 1 || transparent(cs.borderTopColor)) problems.push('node ' + a.dataset.gen + ': no visible border (' + cs.borderTopStyle + ' ' + cs.borderTopWidth + ' ' + cs.borderTopColor + ')');
      else if (contrast(cs.borderTopColor, canvas) < 3) problems.push('node ' + a.dataset.gen + ': border ' + cs.borderTopColor + ' on ' + canvas + ' contrast ' + contrast(cs.borderTopColor, canvas).toFixed(2));
    }
    const active = document.querySelector('a.node[aria-current="step"]');
    if (!active) problems.push('no active node');
    else {
      const cs = getComputedStyle(active);
      // "Current" is a heavy border (focus is the outline, so the two look different: tests/e2e/reading.test.mjs).
      const other = getComputedStyle(nodes.find((a) => a !== active));
      if (cs.borderTopStyle === 'none' || parseFloat(cs.borderTopWidth) < parseFloat(other.borderTopWidth) + 2 || contrast(cs.borderTopColor, canvas) < 3) problems.push('active node: no heavy border (' + cs.borderTopStyle + ' ' + cs.borderTopWidth + ' ' + cs.borderTopColor + ' vs ' + other.borderTopWidth + ')');
    }
    const arrows = [...document.querySelectorAll('svg.arrow')];
    for (const svg of arrows) {
      const line = svg.querySelector('.arrow-line');
      const head = svg.querySelector('.arrow-head');
      const where = svg.classList.contains('row-arrow') ? 'row arrow' : 'arrow after node ' + svg.closest('[data-gen]').dataset.gen;
      const r = svg.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) problems.push(where + ': no size');
      const ls = getComputedStyle(line);
      const hs = getComputedStyle(head);
      if (transparent(ls.stroke) || parseFloat(ls.strokeWidth) <= 0 || Number(ls.opacity) < 1) problems.push(where + ': line stroke ' + ls.stroke + ' width ' + ls.strokeWidth + ' opacity ' + ls.opacity);
      else if (contrast(ls.stroke, canvas) < 3) problems.push(where + ': line stroke ' + ls.stroke + ' on Canvas ' + canvas + ' contrast ' + contrast(ls.stroke, canvas).toFixed(2) + ' < 3');
      if (transparent(hs.fill)) problems.push(where + ': head fill ' + hs.fill);
      else if (contrast(hs.fill, canvas) < 3) problems.push(where + ': head fill ' + hs.fill + ' on Canvas ' + canvas + ' contrast ' + contrast(hs.fill, canvas).toFixed(2) + ' < 3');
    }
    const fill = document.querySelector('.progress-fill');
    const fcs = getComputedStyle(fill);
    const progress = document.querySelector('.progress').dataset.progress;
    if (progress !== '0' && (transparent(fcs.backgroundColor) || contrast(fcs.backgroundColor, canvas) < 3)) problems.push('progress fill at ' + progress + '/6: background ' + fcs.backgroundColor + ' on Canvas ' + canvas + ' (invisible)');
    return { forced: matchMedia('(forced-colors: active)').matches, canvas, nodes: nodes.length, arrows: arrows.length, problems };
  })()`);
}

/**
 * Loads #/gen/3 under forced colours with the given palette (colorScheme) and saved app theme, compares it with
 * its baseline (snapshots/functional/forced-colors-<palette>-<theme>.png) and returns the report.
 */
async function loadForced(app, scheme, saved) {
  const { page } = app;
  await page.emulateMedia({ forcedColors: 'active', colorScheme: scheme });
  await app.open('#/');
  await page.evaluate(([key, s]) => (s ? localStorage.setItem(key, s) : localStorage.removeItem(key)), [STORAGE.theme, saved]);
  await app.open('#/gen/3');
  await app.settle();
  const r = await forcedColorsReport(page);
  const where = `palette ${scheme}, theme ${saved ?? 'system'} (Canvas ${r.canvas})`;
  expect(r.forced, `${where}: forced-colors media query matches`).toBe(true);
  expect(r.nodes).toBe(6);
  expect(r.arrows, 'four arrows between nodes and one between the rows').toBe(5);
  await expect(page, `${where}: looks as before`).toHaveScreenshot(`forced-colors-${scheme}-${saved ?? 'system'}.png`);
  return { where, ...r };
}

/** One line per kind of problem: "5× arrow …" instead of ten near-identical lines. */
function grouped(where, problems) {
  const groups = new Map();
  for (const p of problems) {
    const key = p.replace(/^(arrow after node \d|row arrow)/, 'arrow');
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([k, n]) => `${where}: ${n > 1 ? `${n}× ` : ''}${k}`);
}

test('forced colors (light and dark palettes, system theme): nodes bordered, the active node with a heavier border, arrows visible', async ({ app }) => {
  const all = [];
  for (const scheme of ['light', 'dark']) {
    const r = await loadForced(app, scheme, null);
    all.push(...grouped(r.where, r.problems.filter((p) => !p.startsWith('progress'))));
  }
  expect(all, 'forced colours').toEqual([]);
});

test('forced colors: arrows still visible with a saved theme unlike the palette; the progress fill is visible', async ({ app }) => {
  // A reader who chose "light" in the app and later turns on a dark high-contrast theme (and vice versa):
  // the app's own arrow colour must not be used against the forced Canvas.
  const all = [];
  for (const [scheme, saved] of [['light', null], ['dark', 'light'], ['light', 'dark']]) {
    const r = await loadForced(app, scheme, saved);
    all.push(...grouped(r.where, saved ? r.problems : r.problems.filter((p) => p.startsWith('progress'))));
  }
  expect(all, 'forced colours').toEqual([]);
});

// --------------------------------------------------------------------------------------------------------
// 3. Reflow: 320 CSS px, and 1280 px at 200 % zoom (= a 640 CSS px wide viewport).

async function nodeTitlesVisible(page, lang) {
  return page.evaluate((titles) => {
    const vw = document.documentElement.clientWidth;
    return [...document.querySelectorAll('a.node')].map((a, i) => {
      const t = a.querySelector('.node-title');
      const r = t.getBoundingClientRect();
      const n = a.getBoundingClientRect();
      const cs = getComputedStyle(t);
      const problems = [];
      if (t.innerText.trim() !== titles[i]) problems.push(`text ${JSON.stringify(t.innerText)}`);
      if (cs.display === 'none' || cs.visibility === 'hidden' || Number(cs.opacity) < 1 || r.width < 1 || r.height < 1) problems.push('hidden');
      if (r.left < -0.5 || r.right > vw + 0.5) problems.push(`outside the viewport (${Math.round(r.left)}..${Math.round(r.right)} of ${vw})`);
      if (r.left < n.left - 0.5 || r.right > n.right + 0.5 || r.top < n.top - 0.5 || r.bottom > n.bottom + 0.5) problems.push('sticks out of its node');
      if (t.scrollWidth > t.clientWidth + 1) problems.push(`cut (${t.scrollWidth} > ${t.clientWidth})`);
      return problems.length ? `node ${i + 1} title: ${problems.join(', ')}` : null;
    }).filter(Boolean);
  }, words(lang).nodeTitles);
}

test('reflow: 320 px and 640 px (1280 px at 200 %): no horizontal scroll, six node titles visible, ko and en, overview and detail', async ({ page, app }, testInfo) => {
  const problems = [];
  const checked = [];
  for (const [width, height] of [[320, 640], [640, 450]]) {
    await page.setViewportSize({ width, height });
    for (const lang of ['ko', 'en']) {
      await app.open(`#/?lang=${lang}`);
      for (const key of [null, '3', '6']) {
        if (key) {
          await page.keyboard.press(key);
          await app.expectActive(Number(key), `${width}px ${lang} key ${key}`);
        }
        await app.settle();
        const where = `${width}px ${lang} ${key ? `#/gen/${key}` : 'overview'}`;
        checked.push(where);
        const o = await app.overflow();
        if (o.scroll > o.client) problems.push(`${where}: horizontal scroll, scrollWidth ${o.scroll} > clientWidth ${o.client}: ${o.wide.join(', ')}`);
        problems.push(...(await nodeTitlesVisible(page, lang)).map((p) => `${where}: ${p}`));
      }
    }
  }
  testInfo.annotations.push({ type: 'reflow checked', description: checked.join('; ') });
  expect(problems, 'reflow problems').toEqual([]);
});

test('reflow (visual): words in the two tables are not split in the middle at 320 and 375 px', async ({ page, app }) => {
  // overflow-wrap: anywhere lets a table column shrink below its longest word, so words break letter by letter.
  const problems = [];
  for (const width of [320, 375]) {
    await page.setViewportSize({ width, height: 700 });
    for (const lang of ['ko', 'en']) {
      await app.open(`#/?lang=${lang}`);
      await app.settle();
      const split = await page.evaluate(() => {
        const out = [];
        for (const cell of document.querySelectorAll('table.gen-table th, table.gen-table td')) {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const m of node.data.matchAll(/[^\s,/·()\-–]+/g)) {
              const range = document.createRange();
              range.setStart(node, m.index);
              range.setEnd(node, m.index + m[0].length);
              const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
              if (tops.size > 1) out.push(`${cell.closest('table').querySelector('caption').innerText.trim()}: "${m[0]}" on ${tops.size} lines`);
            }
          }
        }
        return out;
      });
      problems.push(...split.map((s) => `${width}px ${lang}: ${s}`));
    }
  }
  // Summarised per width and language: the first few words, then how many more.
  const by = new Map();
  for (const p of problems) {
    const [where, rest] = p.split(/: (.*)/s);
    by.set(where, [...(by.get(where) ?? []), rest]);
  }
  expect([...by].map(([where, list]) => `${where}: ${list.length} words split, e.g. ${list.slice(0, 6).join('; ')}`), 'words split mid-word in the tables').toEqual([]);
});

// --------------------------------------------------------------------------------------------------------
// 4. Target size (WCAG 2.5.8): every control at least 24×24 CSS px, unless inline in a sentence.

test('target size: header, timeline, notice, detail nav and table controls are at least 24×24 CSS px', async ({ page, app }, testInfo) => {
  const problems = [];
  const exempt = [];
  const sizes = new Map();
  for (const [width, height] of [[375, 812], [1280, 900]]) {
    await page.setViewportSize({ width, height });
    for (const hash of ['#/gen/3', '#/gen/9?lang=en']) {
      await app.open(hash);
      await app.settle();
      await page.locator('a.skip-link').focus(); // measured while shown
      const found = await page.evaluate(() => {
        const selector = [
          'a.skip-link', '.site-header a', '.site-header button', '.site-header select',
          '.notice button', 'section.timeline a', 'section.timeline button',
          '.detail-nav button', 'table.gen-table a', 'table.gen-table button',
        ].join(', ');
        // Controls not rendered are no targets: the detail's buttons stay in the DOM while the overview is shown
        // (inside the article with the `hidden` attribute).
        return [...document.querySelectorAll(selector)].filter((el) => el.getClientRects().length > 0).map((el) => {
          const r = el.getBoundingClientRect();
          const cs = getComputedStyle(el);
          // Inline text: a link inside a sentence (a <p> or <li> with other text around it).
          const block = el.closest('p, li:not(.timeline-node), td, th');
          const inline = cs.display === 'inline' && block && block.innerText.trim() !== el.innerText.trim();
          const name = el.matches('a.node') ? `node ${el.dataset.gen}` : `${el.tagName.toLowerCase()}.${[...el.classList].join('.') || '-'} "${el.innerText.trim().slice(0, 24)}"${el.closest('table') ? ' in ' + el.closest('.table-wrap').className.split(' ').pop() : ''}`;
          return { name, w: r.width, h: r.height, inline };
        });
      });
      for (const t of found) {
        const where = `${width}px ${hash}: ${t.name}`;
        const key = `${width}px ${t.name}`;
        sizes.set(key, `${t.w.toFixed(0)}×${t.h.toFixed(0)}`);
        if (t.w >= 24 && t.h >= 24) continue;
        if (t.inline) exempt.push(`${where} ${t.w.toFixed(1)}×${t.h.toFixed(1)} (inline in text)`);
        else problems.push(`${where} is ${t.w.toFixed(1)}×${t.h.toFixed(1)} CSS px`);
      }
    }
  }
  const smallest = [...sizes.entries()].sort((a, b) => Math.min(...a[1].split('×').map(Number)) - Math.min(...b[1].split('×').map(Number))).slice(0, 6);
  testInfo.annotations.push({ type: 'target sizes', description: `${sizes.size} controls measured; smallest: ${smallest.map(([k, v]) => `${k} ${v}`).join('; ')}; exempted: ${exempt.length ? exempt.join('; ') : 'none'}` });
  expect(problems, 'targets smaller than 24×24 CSS px').toEqual([]);
});

// A link like #/gen/3 names the print edition's article (its id), and the browser starts Tab there, inside the
// hidden print edition; the app puts the starting point back at the top (src/focus.rs `tab_from_top`), and only
// for a link that names an element (forcing the page's style up to date at start-up costs the other links time).
for (const hash of ['#/gen/3', '#/gen/3?lang=en', '#/']) {
  test(`keyboard: after opening ${hash}, the first Tab is the skip link`, async ({ page, app }) => {
    await app.open(hash);
    await app.settle();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('skip');
  });
}
