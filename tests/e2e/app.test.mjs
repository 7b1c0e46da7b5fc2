// End-to-end tests of the built app (dist/) served by a real nginx under a sub-path, in headless Chromium.
// Run from the repository root: node --test --test-concurrency=1 tests/e2e/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, watchCsp, SUB_PATH } from './server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = resolve(process.env.E2E_DIST || join(HERE, '../../dist'));
const ARTIFACTS = join(HERE, 'artifacts');

const TITLES = {
  1: '물리 서버 시대',
  2: '가상화 시대',
  3: '컨테이너 시대',
  4: '오케스트레이션 시대',
  5: '서버리스 & 마이크로서비스',
  6: '에지 & 분산형 인프라',
};
/** The post's English names, shown in parentheses in each detail heading. */
const ENGLISH = {
  1: 'Traditional Infrastructure',
  2: 'Virtualization',
  3: 'Containerization',
  4: 'Orchestration',
  5: 'Serverless & Microservices',
  6: 'Edge & Decentralized',
};
const CORE_TECH = [
  'Apache', 'PHP', 'VMware', 'KVM', 'Docker', 'Nginx', 'Kubernetes', 'Helm',
  'AWS Lambda', 'Hyproxy', 'IPFS', 'WebGPU', 'WASM',
];
const OVERVIEW_HEADING = '웹 인프라의 진화';

let server;
let browser;

before(async () => {
  server = await startServer({ root: DIST });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * A test with its own browser context and page. Console errors and uncaught page errors are collected
 * and, unless `allowErrors`, the test fails if there was any.
 */
function appTest(name, opts, fn) {
  if (typeof opts === 'function') [opts, fn] = [{}, opts];
  test(name, async () => {
    const context = await browser.newContext({ locale: 'ko-KR', ...opts.context });
    const violations = await watchCsp(context); // never allowed, not even with allowErrors
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console.error: ${m.text()} (${m.location().url || '?'})`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    try {
      await fn({ page, context, errors });
      if (!opts.allowErrors) assert.deepEqual(errors, [], `console errors / page errors:\n${errors.join('\n')}`);
      assert.deepEqual(violations, [], `Content-Security-Policy violations:\n${violations.join('\n')}`);
    } finally {
      await context.close();
    }
  });
}

/** Loads the app (optionally at a hash) and waits until the wasm app has taken over from the static page. */
async function open(page, hash = '') {
  await page.goto(server.url + hash);
  await ready(page);
}

async function ready(page) {
  await page.locator('section.timeline').waitFor({ state: 'visible' });
  await page.locator('#boot').waitFor({ state: 'detached' });
}

const timeline = (page) => page.getByRole('region', { name: '세대 타임라인' });
/** The timeline's link to generation n (the tables also link to "N세대", hence the scope). */
const node = (page, n) => timeline(page).getByRole('link', { name: new RegExp(`^\\s*${n}세대`) });

/** The data-gen of every timeline node marked aria-current. */
const currentNodes = (page) =>
  page.evaluate(() => [...document.querySelectorAll('a.node[aria-current]')].map((a) => `${a.dataset.gen}:${a.getAttribute('aria-current')}`));

/**
 * Waits until exactly generation `n` is active (`null`: the overview), and checks what that implies:
 * its node alone has aria-current="step", the detail or the overview is shown, the title follows.
 */
async function expectActive(page, n, why = '') {
  const want = n == null ? [] : [`${n}:step`];
  try {
    await page.waitForFunction(
      (want) => JSON.stringify([...document.querySelectorAll('a.node[aria-current]')].map((a) => `${a.dataset.gen}:${a.getAttribute('aria-current')}`)) === JSON.stringify(want),
      want,
      { timeout: 5000 },
    );
  } catch {
    assert.fail(`${why}: expected active ${JSON.stringify(want)}, got ${JSON.stringify(await currentNodes(page))} (hash ${await page.evaluate(() => location.hash)})`);
  }
  if (n == null) {
    await page.getByRole('heading', { level: 2, name: OVERVIEW_HEADING }).waitFor({ state: 'visible', timeout: 3000 });
    assert.equal(await page.locator('#detail-heading').count(), 0, `${why}: no detail on the overview`);
  } else {
    const heading = page.locator('h2#detail-heading');
    await heading.waitFor({ state: 'visible', timeout: 3000 });
    const text = await heading.innerText();
    assert.ok(text.includes(`(${ENGLISH[n]})`), `${why}: detail heading of gen ${n}: ${JSON.stringify(text)}`);
    assert.equal(await page.locator('section.overview').count(), 0, `${why}: overview hidden on a generation`);
    const title = await page.title();
    assert.ok(title.startsWith(`${n}세대`), `${why}: document title ${JSON.stringify(title)} should start with ${n}세대`);
  }
}

async function expectHash(page, hash) {
  try {
    await page.waitForFunction((h) => location.hash === h, hash, { timeout: 5000 });
  } catch {
    assert.fail(`expected location.hash ${hash}, got ${await page.evaluate(() => location.hash)}`);
  }
}

/** Lets entrance animations and transitions finish (bounded, in case something loops forever). */
async function settle(page) {
  await page.evaluate(async () => {
    await document.fonts?.ready;
    const done = Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {})));
    await Promise.race([done, new Promise((r) => setTimeout(r, 5000))]);
  });
}

async function nodeBoxes(page) {
  const boxes = [];
  for (let n = 1; n <= 6; n++) {
    const box = await page.locator(`a.node[data-gen="${n}"]`).boundingBox();
    assert.ok(box, `node ${n} has a box`);
    boxes.push({ n, cx: box.x + box.width / 2, y: box.y, h: box.height, w: box.width });
  }
  return boxes;
}

async function scrollWidth(page) {
  return page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    widest: [...document.querySelectorAll('body *')]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.right > window.innerWidth + 0.5)
      .slice(0, 5)
      .map(({ el, r }) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(r.right)}`),
  }));
}

async function expectNoHorizontalScroll(page, width, what) {
  const s = await scrollWidth(page);
  assert.ok(s.scroll <= width, `${what}: scrollWidth ${s.scroll} > ${width}; overflowing: ${s.widest.join(', ')}`);
}

// ---------------------------------------------------------------------------------------------------------

appTest('open: six generations, both tables, loading text gone, everything served from the sub-path', async ({ page }) => {
  const requests = [];
  page.on('requestfinished', async (req) => {
    const res = await req.response();
    requests.push({ url: req.url(), status: res?.status(), type: res?.headers()['content-type'] });
  });
  page.on('requestfailed', (req) => requests.push({ url: req.url(), status: 'failed', type: req.failure()?.errorText }));
  await open(page);

  assert.equal(await page.locator('#boot').count(), 0, 'static loading text #boot removed');
  assert.equal(await page.title(), '웹 인프라 진화');
  await expectActive(page, null, 'first load');

  const links = timeline(page).getByRole('link');
  assert.equal(await links.count(), 6, 'six links in the timeline');
  for (const [n, title] of Object.entries(TITLES)) {
    const link = timeline(page).getByRole('link', { name: title });
    assert.equal(await link.count(), 1, `timeline link "${title}"`);
    assert.ok(await link.isVisible(), `"${title}" visible`);
    assert.equal(await link.getAttribute('href'), `#/gen/${n}`);
    assert.equal(await link.getAttribute('data-gen'), n);
    assert.match(await link.innerText(), new RegExp(`${n}세대`));
  }
  assert.ok(await page.getByRole('button', { name: '재생', exact: true }).isVisible(), 'play button');

  const summary = page.getByRole('table', { name: '세대별 요약 비교' });
  assert.ok(await summary.isVisible(), 'summary table visible');
  const headers = (await summary.getByRole('columnheader').allInnerTexts()).map((h) => h.trim());
  const col = headers.indexOf('핵심 기술');
  assert.ok(col > 0, `핵심 기술 column in ${JSON.stringify(headers)}`);
  const rows = await summary.locator('tbody tr').evaluateAll((trs, col) =>
    trs.map((tr) => ({
      first: tr.children[0].tagName + ' ' + tr.children[0].getAttribute('scope'),
      label: tr.children[0].textContent.trim(),
      href: tr.children[0].querySelector('a')?.getAttribute('href'),
      tech: tr.children[col]?.textContent.trim() ?? '',
    })), col);
  assert.equal(rows.length, 6, 'six rows');
  rows.forEach((r, i) => {
    assert.equal(r.first, 'TH row', `row ${i + 1} starts with a row header`);
    assert.equal(r.label, `${i + 1}세대`);
    assert.equal(r.href, `#/gen/${i + 1}`);
  });
  const techColumn = rows.map((r) => r.tech).join(' | ');
  for (const tech of CORE_TECH) {
    assert.ok(techColumn.includes(tech), `핵심 기술 column lists ${tech}: ${techColumn}`);
  }

  const diagram = page.getByRole('table', { name: '다이어그램 설명' });
  assert.ok(await diagram.isVisible(), 'diagram table visible');
  assert.equal(await diagram.locator('tbody tr').count(), 6);

  // Every file came from the sub-path (relative URLs), with a success status and a usable type.
  const origin = new URL(server.url).origin;
  const ours = requests.filter((r) => r.url.startsWith(origin) && new URL(r.url).pathname !== '/favicon.ico');
  assert.ok(ours.length >= 3, `requests: ${JSON.stringify(requests)}`);
  for (const r of ours) {
    assert.ok(new URL(r.url).pathname.startsWith(SUB_PATH), `${r.url} is under ${SUB_PATH}`);
    assert.ok(typeof r.status === 'number' && r.status < 400, `${r.url}: ${r.status}`);
  }
  const wasm = ours.filter((r) => r.url.endsWith('.wasm'));
  assert.equal(wasm.length, 1, 'one wasm loaded');
  assert.match(wasm[0].type ?? '', /^application\/wasm/, 'wasm served as application/wasm');
});

appTest('click generation 3, deep link survives reload, back/forward follow the history', async ({ page }) => {
  await open(page);
  await node(page, 3).click();
  await expectHash(page, '#/gen/3');
  await expectActive(page, 3, 'after click');
  const heading = page.locator('h2#detail-heading');
  const text = await heading.innerText();
  assert.ok(text.includes('컨테이너 시대'), `heading ${JSON.stringify(text)}`);
  assert.ok(text.includes('(Containerization)'), `heading ${JSON.stringify(text)}`);
  assert.ok((await page.title()).startsWith('3세대'), await page.title());
  assert.equal(await page.locator('.gen-table tbody tr.active').count(), 2, 'gen 3 row highlighted in both tables');

  await page.reload();
  await ready(page);
  await expectHash(page, '#/gen/3');
  await expectActive(page, 3, 'after reload');
  assert.ok((await page.locator('h2#detail-heading').innerText()).includes('(Containerization)'));

  await node(page, 5).click();
  await expectHash(page, '#/gen/5');
  await expectActive(page, 5, 'after clicking 5');

  await page.goBack();
  await expectHash(page, '#/gen/3');
  await expectActive(page, 3, 'after goBack');

  await page.goForward();
  await expectHash(page, '#/gen/5');
  await expectActive(page, 5, 'after goForward');

  // A generation link in a table selects too.
  await page.getByRole('table', { name: '세대별 요약 비교' }).getByRole('link', { name: '2세대', exact: true }).click();
  await expectHash(page, '#/gen/2');
  await expectActive(page, 2, 'after the table link');
});

appTest('keyboard: arrows, Home/End, digits, Escape; Tab reaches the timeline with a visible focus ring', async ({ page }) => {
  await open(page);
  const steps = [
    ['ArrowRight', 1],
    ['End', 6],
    ['ArrowLeft', 5],
    ['Home', 1],
    ['4', 4],
    ['Escape', null],
  ];
  for (const [key, n] of steps) {
    await page.keyboard.press(key);
    await expectActive(page, n, `after ${key}`);
    await expectHash(page, n == null ? '#/' : `#/gen/${n}`);
  }
  assert.ok(await page.getByRole('heading', { name: OVERVIEW_HEADING }).isVisible());

  // Tab from the top of a fresh page: the play button and the six nodes, in order, each with an outline.
  await open(page);
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
      assert.notEqual(f.outlineStyle, 'none', `${f.id} focused by Tab shows an outline`);
      assert.notEqual(f.outlineWidth, '0px', `${f.id} focus outline has a width`);
    }
  }
  const order = seen.filter((s) => s === 'play' || /^gen\d$/.test(s));
  assert.deepEqual(order, ['play', 'gen1', 'gen2', 'gen3', 'gen4', 'gen5', 'gen6'], `Tab order: ${seen.join(' → ')}`);
});

appTest('Space on a focused timeline link plays, Space again pauses', async ({ page }) => {
  await open(page);
  await node(page, 3).focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: '일시 정지', exact: true }).waitFor({ timeout: 3000 })
    .catch(() => assert.fail('Space on a timeline link did not start playback (no pause button)'));
  await expectActive(page, 1, 'playback starts at 1 from the overview');
  assert.ok(await page.getByRole('button', { name: '일시 정지' }).isVisible(), 'button offers pause while playing');
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'Space did not scroll the page');

  // Playing moves on by itself (every 3.5 s).
  await expectActiveWithin(page, 2, 6000);

  assert.ok(await page.evaluate(() => document.activeElement?.closest('section.timeline') != null), 'focus stayed in the timeline');
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: '재생', exact: true }).waitFor({ timeout: 3000 })
    .catch(() => assert.fail('second Space did not pause (the button still offers pause)'));
  await page.waitForTimeout(4000);
  await expectActive(page, 2, 'paused playback stays put');
});

async function expectActiveWithin(page, n, timeout) {
  await page.waitForFunction((n) => document.querySelector('a.node[aria-current="step"]')?.dataset.gen === String(n), n, { timeout })
    .catch(async () => assert.fail(`generation ${n} not reached within ${timeout} ms; active: ${JSON.stringify(await currentNodes(page))}`));
  await expectActive(page, n, `playback reached ${n}`);
}

const JUNK = (() => {
  const piece = '/gen/x?lang=<b>"ü😀</b>&%zz#\u0000\u202e';
  let s = '';
  while (s.length < 10 * 1024) s += piece + s.length;
  return s.slice(0, 10 * 1024);
})();

appTest('bad hashes show the overview with a polite notice', async ({ page }) => {
  for (const hash of ['#/gen/9', '#/gen/abc', '#%%%', `#${JUNK}`]) {
    const what = hash.length > 40 ? `10 KB junk hash` : hash;
    await page.goto('about:blank');
    await open(page, hash);
    if (hash.length < 40) assert.equal(await page.evaluate(() => location.hash), hash, 'the browser kept the hash as given');
    else assert.ok((await page.evaluate(() => location.hash.length)) >= 10 * 1024, 'the long hash reached the page');
    await expectActive(page, null, what);
    const notice = page.getByRole('status');
    await notice.waitFor({ state: 'visible', timeout: 3000 }).catch(() => assert.fail(`${what}: no role=status notice`));
    const text = await notice.innerText();
    assert.ok(text.includes('개요'), `${what}: notice says it shows the overview: ${JSON.stringify(text)}`);
    assert.ok(text.length < 400, `${what}: the notice repeats only an excerpt (${text.length} chars)`);
    assert.equal(await page.locator('.notice b, .notice script, .notice img').count(), 0, `${what}: hash text is not markup`);
    const bodyText = await page.evaluate(() => document.body.innerText.trim().length);
    assert.ok(bodyText > 200, `${what}: body is not blank (${bodyText} chars)`);
    assert.equal(await timeline(page).getByRole('link').count(), 6, `${what}: timeline shown`);
  }

  // A bad hash typed while the app runs, then dismissed: clean overview URL, notice gone.
  await open(page, '#/gen/3');
  await expectActive(page, 3, 'before the bad hash');
  await page.evaluate(() => { location.hash = '#/gen/0'; });
  await expectActive(page, null, 'hashchange to #/gen/0');
  await page.getByRole('status').waitFor({ state: 'visible', timeout: 3000 });
  await page.getByRole('button', { name: '닫기' }).click();
  await page.getByRole('status').waitFor({ state: 'detached', timeout: 3000 });
  await expectHash(page, '#/');
  await expectActive(page, null, 'after dismiss');
});

appTest('phone 375×812: vertical timeline, no horizontal scroll; 320×640 too', { context: { viewport: { width: 375, height: 812 } } }, async ({ page }) => {
  await open(page);
  await settle(page);
  await expectNoHorizontalScroll(page, 375, '375 overview');
  const boxes = await nodeBoxes(page);
  const cx = boxes[0].cx;
  for (const b of boxes) {
    assert.ok(Math.abs(b.cx - cx) <= 3, `node ${b.n} x-center ${b.cx.toFixed(1)} vs node 1 ${cx.toFixed(1)}`);
  }
  for (let i = 1; i < 6; i++) {
    assert.ok(boxes[i].y >= boxes[i - 1].y + boxes[i - 1].h, `node ${i + 1} (y=${boxes[i].y}) below node ${i} (y=${boxes[i - 1].y}, h=${boxes[i - 1].h})`);
  }

  await node(page, 3).click();
  await expectActive(page, 3, 'phone click');
  await settle(page);
  await expectNoHorizontalScroll(page, 375, '375 gen 3');

  await page.setViewportSize({ width: 320, height: 640 });
  for (const n of [null, 1, 2, 3, 4, 5, 6]) {
    if (n == null) await page.keyboard.press('Escape');
    else await page.keyboard.press(String(n));
    await expectActive(page, n, `320 ${n ?? 'overview'}`);
    await settle(page);
    await expectNoHorizontalScroll(page, 320, `320 ${n == null ? 'overview' : `gen ${n}`}`);
  }
});

appTest('desktop 1280×900: two rows of three', { context: { viewport: { width: 1280, height: 900 } } }, async ({ page }) => {
  await open(page);
  await settle(page);
  await expectNoHorizontalScroll(page, 1280, '1280 overview');
  const b = await nodeBoxes(page);
  for (const [row, ns] of [[1, [1, 2, 3]], [2, [4, 5, 6]]]) {
    const ys = ns.map((n) => b[n - 1].y);
    assert.ok(Math.max(...ys) - Math.min(...ys) <= 1, `row ${row} nodes share a row: y=${ys.join(', ')}`);
    const xs = ns.map((n) => b[n - 1].cx);
    assert.ok(xs[0] < xs[1] && xs[1] < xs[2], `row ${row} left to right: x=${xs.join(', ')}`);
  }
  assert.ok(b[3].y >= b[0].y + b[0].h, `row 2 (y=${b[3].y}) below row 1 (y=${b[0].y}, h=${b[0].h})`);
});

appTest('screenshots (tests/e2e/artifacts/)', async ({ context }) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const shots = [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 375, height: 812 }],
  ];
  for (const [name, viewport] of shots) {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await open(page);
    await settle(page);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-overview.png`), fullPage: true });
    await node(page, 3).click();
    await expectActive(page, 3, `${name} screenshot`);
    await settle(page);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-gen3.png`), fullPage: true });
    assert.deepEqual(errors, [], `${name}: console errors`);
    await page.close();
  }
});

appTest('reduced motion: clicking works and nothing animates', { context: { reducedMotion: 'reduce' } }, async ({ page }) => {
  await open(page);
  assert.equal(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), true);
  await node(page, 3).click();
  await expectHash(page, '#/gen/3');
  await expectActive(page, 3, 'reduced motion click');
  const running = await page.evaluate(() =>
    document.getAnimations().map((a) => `${a.constructor.name} ${a.animationName ?? a.transitionProperty ?? ''} on ${a.effect?.target?.className?.baseVal ?? a.effect?.target?.className ?? '?'}`));
  assert.deepEqual(running, [], 'no running CSS animations or transitions');
  await page.keyboard.press('ArrowRight');
  await expectActive(page, 4, 'reduced motion key');
  assert.equal(await page.evaluate(() => document.getAnimations().length), 0, 'still nothing animates');
});

appTest('no wasm: the static page says the app could not load', { allowErrors: true }, async ({ page }) => {
  let blocked = 0;
  await page.route('**/*.wasm', (route) => {
    blocked += 1;
    return route.abort();
  });
  await page.goto(server.url);
  const failed = page.locator('.boot-failed');
  await failed.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => assert.fail('.boot-failed not shown when the wasm cannot load'));
  assert.ok((await failed.innerText()).includes('불러오지 못했습니다'));
  assert.ok(blocked >= 1, 'the wasm request was made and blocked');
  // The prerendered page stays usable: every generation in full, the timeline linking to each.
  const sections = page.locator('article.print-generation');
  assert.equal(await sections.count(), 6, 'six prerendered generation sections');
  for (let n = 1; n <= 6; n++) {
    assert.ok(await sections.nth(n - 1).isVisible(), `generation ${n} section visible without the app`);
  }
  await node(page, 4).click();
  assert.equal(await page.evaluate(() => location.hash), '#/gen/4');
  const top = await page.evaluate(() => document.getElementById('/gen/4').getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 5, `the link scrolled to generation 4's section (top ${top})`);
  assert.equal(await page.locator('.play-button').isVisible(), false, 'controls that need the app are hidden');
});
