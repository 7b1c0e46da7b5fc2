// The embed (issue 14): dist/embed.html in an <iframe> of a page from another site. The page around it is served by
// a small server of this file on another loopback address (127.0.0.2: another origin and another site than the
// app's 127.0.0.1), with the listener of docs/embed.md as it is written there. What is checked:
// - the frame shows generation 3 and the timeline and nothing else of the app; the embed's answer carries the embed
//   variant of the headers (deploy/headers.mjs);
// - the page gets the height message from the frame (and only from it), its listener sizes the frame to the embed
//   document, and the sizing settles;
// - a link in the frame changes the frame's view, not the page's address; "open the full app" opens index.html with
//   that view in a new tab;
// - the same page framing the full app (index.html, the directory) is refused: frame-ancestors 'none' and
//   X-Frame-Options: DENY on the answer, Chromium's refusal on the console, no app in the frame;
// - axe-core in the framed embed, Korean and English, light and dark; no CSP violation anywhere (fixtures.mjs);
// - offline: after a first visit of the app or of the embed, embed.html opens from the service worker;
// - "Copy embed code": the clipboard holds the <iframe> of the served embed.html with the view shown, and that
//   snippet, pasted into a page of another site, frames it.
// Every test uses the main site and the built dist/ as they are (nothing is rebuilt or redeployed).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, appFor } from './fixtures.mjs';
import { ROOT } from './server.mjs';
import { SITE, words } from './content.mjs';
import { AXE_VERSION, axeFailures, runAxe } from './axe.mjs';
import { CSP, EMBED_CSP, EMBED_FILE, SECURITY_HEADERS, securityHeadersFor } from '../../deploy/headers.mjs';

const EN = words('en');
const KO = words('ko');
/** What the embed posts to its parent (src/embed.rs MESSAGE; docs/embed.md). */
const MESSAGE = 'web-infra-evolution:height';
/** The page around the frame lives here: another origin and another site than the app's 127.0.0.1. */
const HOST_IP = '127.0.0.2';

/** docs/embed.md's host snippet (the <iframe> with its id and the listener), with `src` put in for its example. */
function docsSnippet(src) {
  const doc = readFileSync(join(ROOT, 'docs/embed.md'), 'utf8');
  const block = [...doc.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes("addEventListener('message'"));
  const example = 'https://example.org/web-infra/embed.html#/gen/3?lang=en';
  if (!block?.includes(`src="${example}"`)) throw new Error(`docs/embed.md: no html block with the listener and src="${example}"`);
  return block.replace(example, src);
}

/**
 * A page of another site around `snippet`. Before it, a recorder the test reads: every message the page gets, with
 * its origin and whether it came from the frame `#web-infra-evolution` (when there is one).
 */
const hostPage = (snippet) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A page of another site</title></head>
<body>
<h1>A post on another site</h1>
<p>Text before the embed.</p>
<script>
  window.__messages = [];
  addEventListener('message', (e) => window.__messages.push({
    origin: e.origin, fromFrame: e.source === document.getElementById('web-infra-evolution')?.contentWindow, data: e.data,
  }));
</script>
${snippet}
<p>Text after the embed.</p>
</body></html>
`;

const test = base.extend({
  /** The other site: `page(html)` serves `html` and returns its URL. */
  host: [async ({}, use) => {
    const pages = new Map();
    const server = createServer((req, res) => {
      const html = pages.get(new URL(req.url, 'http://host').pathname);
      if (!html) res.writeHead(404).end();
      else res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(html);
    });
    await new Promise((ok, fail) => server.once('error', fail).listen(0, HOST_IP, ok));
    const origin = `http://${HOST_IP}:${server.address().port}`;
    let n = 0;
    await use({
      origin,
      page(html) {
        n += 1;
        pages.set(`/page-${n}.html`, html);
        return `${origin}/page-${n}.html`;
      },
    });
    await new Promise((ok) => server.close(ok));
  }, { scope: 'worker' }],
});

/** The frame `#id` of `page` (a Playwright Frame), once its document is there. */
async function frameOf(page, id = 'web-infra-evolution') {
  const handle = await page.locator(`iframe#${id}`).elementHandle();
  await expect.poll(async () => (await handle.contentFrame())?.url() ?? '', { message: `#${id} has a document` }).not.toBe('');
  return handle.contentFrame();
}

/** Waits until the app took over the prerendered embed in `frame` (fixtures.mjs App.ready, in a frame). */
async function embedReady(frame) {
  await frame.locator('#boot').waitFor({ state: 'detached' });
  await frame.locator('#app[data-prerendered]').waitFor({ state: 'detached' });
  await frame.locator('section.timeline').waitFor({ state: 'visible' });
}

/** The embed in `frame` shows generation `n` in `w`'s language: the detail and the timeline, nothing else of the app. */
async function expectEmbedShows(frame, n, w, why) {
  await expect(frame.locator('html'), `${why}: the embed page`).toHaveAttribute('data-embed', '');
  await expect(frame.locator('html'), `${why}: language`).toHaveAttribute('lang', w.lang);
  await expect(frame.locator('article.detail'), `${why}: the detail of generation ${n}`).toHaveAttribute('data-gen', String(n));
  await expect(frame.locator('article.detail h2#detail-heading'), `${why}: detail heading`).toHaveText(w.detailHeading(n), { useInnerText: true });
  await expect(frame.locator('article.detail'), `${why}: the detail shown`).toBeVisible();
  const timeline = frame.getByRole('region', { name: w.ui.timeline });
  await expect(timeline, `${why}: the timeline`).toBeVisible();
  await expect(timeline.getByRole('link'), `${why}: six generations in the timeline`).toHaveCount(6);
  await expect(timeline.locator('a.node[aria-current="step"]'), `${why}: the active node`).toHaveAttribute('data-gen', String(n));
  // In the page (the same page as index.html) but not shown: the header with the search, the overview, the tables,
  // the tools.
  for (const [what, selector] of [['header', 'header.site-header'], ['search', '[role="search"]'], ['overview', 'section.overview'],
    ['tables', 'table.gen-table'], ['tools', '.tools'], ['tools heading', '#tools-heading']]) {
    const all = frame.locator(selector);
    expect(await all.count(), `${why}: the ${what} is in the page`).toBeGreaterThan(0);
    for (const el of await all.all()) await expect(el, `${why}: the ${what} is not shown`).toBeHidden();
  }
}

/** The messages the host page got so far. */
const messages = (page) => page.evaluate(() => window.__messages);

test('framed by a page of another site: generation 3 and the timeline only; the height sizes the frame; links stay in the frame; the full app opens in a new tab', async ({ page, context, site, host }) => {
  const src = `${site.url}${EMBED_FILE}#/gen/3?lang=en`;
  const hostUrl = host.page(hostPage(docsSnippet(src)));
  const answer = page.waitForResponse((r) => r.url() === `${site.url}${EMBED_FILE}`);
  await page.goto(hostUrl);
  const headers = (await answer).headers();
  expect(headers['content-security-policy'], 'the embed\'s CSP').toBe(EMBED_CSP);
  expect(EMBED_CSP, 'any page may frame it').toMatch(/; frame-ancestors \*$/);
  expect(headers['x-frame-options'], 'no X-Frame-Options on the embed').toBeUndefined();
  for (const [k, v] of securityHeadersFor(EMBED_FILE)) expect(headers[k.toLowerCase()], k).toBe(v);

  const frame = await frameOf(page);
  await embedReady(frame);
  await expectEmbedShows(frame, 3, EN, 'embed.html#/gen/3?lang=en in the frame');

  // The height: from the app's origin and the frame, a number; the docs' listener sets it on the frame, until the
  // frame is exactly as tall as the embed's document and has nothing left to scroll.
  await expect.poll(async () => (await messages(page)).length, { message: 'a height message' }).toBeGreaterThan(0);
  for (const m of await messages(page)) {
    expect(m, 'only the embed posts, from the app\'s origin').toMatchObject({ origin: site.origin, fromFrame: true, data: { type: MESSAGE } });
    expect(Number.isFinite(m.data.height) && m.data.height > 0, `height ${m.data.height}`).toBe(true);
  }
  const iframe = page.locator('iframe#web-infra-evolution');
  const fit = async () => {
    const doc = await frame.evaluate(() => ({ scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight }));
    const last = (await messages(page)).at(-1).data.height;
    return { last, attr: Number(await iframe.getAttribute('height')), box: Math.round((await iframe.boundingBox()).height), ...doc };
  };
  await expect.poll(async () => {
    const f = await fit();
    return f.attr === Math.ceil(f.last) && Math.abs(f.box - f.attr) <= 1 && f.scroll <= f.client + 1 && Math.abs(f.last - f.scroll) <= 2;
  }, { message: 'the frame is sized to the embed document (last height message, height attribute, box, scrollHeight)' }).toBe(true);
  const sized = await fit();
  expect(sized.attr, 'the frame was sized: not the snippet\'s 720 any more').not.toBe(720);
  // It settles: sizing the frame does not start an endless exchange of messages.
  const settled = (await messages(page)).length;
  await page.waitForTimeout(1000); // a second of quiet is the condition itself
  expect((await messages(page)).length, 'no more messages once the frame fits').toBe(settled);

  // A timeline link: the frame's view changes, the page's address does not; a new height is posted.
  const before = settled;
  await frame.getByRole('region', { name: EN.ui.timeline }).getByRole('link', { name: new RegExp(`^\\s*${EN.label(5)}`) }).click();
  await expect.poll(() => frame.evaluate(() => location.hash), { message: 'the frame\'s fragment' }).toBe('#/gen/5?lang=en');
  await expectEmbedShows(frame, 5, EN, 'after a click on generation 5');
  expect(page.url(), 'the page around the frame keeps its address').toBe(hostUrl);
  await expect.poll(async () => (await messages(page)).length, { message: 'a height message after the change of view' }).toBeGreaterThan(before);

  // "Open the full app": index.html with the frame's view, in a new tab.
  const full = frame.getByRole('link', { name: EN.ui.embedFull });
  await expect(full).toBeVisible();
  await expect(full).toHaveAttribute('target', '_blank');
  expect(await full.evaluate((a) => a.href), 'the full app, same view').toBe(`${site.url}index.html#/gen/5?lang=en`);
  const [tab] = await Promise.all([context.waitForEvent('page'), full.click()]);
  await tab.waitForLoadState();
  expect(tab.url()).toBe(`${site.url}index.html#/gen/5?lang=en`);
  const app = appFor(tab, site.url);
  await app.ready();
  await app.expectActive(5, 'the full app from the embed');
  await expect(tab.locator('html'), 'the full app, not the embed').not.toHaveAttribute('data-embed', /.*/);
  await expect(tab.locator('header.site-header'), 'the full app has its header').toBeVisible();
  expect(page.url(), 'the page around the frame still keeps its address').toBe(hostUrl);
});

// The embed posts its content's height (not scrollHeight, which is never less than the frame's own height): a frame
// taller than the embed (a host's bigger height, or after a taller view or a narrower width) shrinks to it.
test('a frame taller than the embed shrinks to it', async ({ page, site, host }) => {
  const tall = 2000;
  const snippet = docsSnippet(`${site.url}${EMBED_FILE}#/gen/3?lang=en`).replace('height="720"', `height="${tall}"`);
  await page.goto(host.page(hostPage(snippet)));
  const frame = await frameOf(page);
  await embedReady(frame);
  const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  expect(content, 'precondition: the embed is shorter than the frame').toBeLessThan(tall - 100);
  await expect.poll(async () => Number(await page.locator('iframe#web-infra-evolution').getAttribute('height')),
    { message: 'the frame fits the embed\'s content', timeout: 3000 }).toBeLessThanOrEqual(content + 2);
});

// The embed's detail links to other views ("Back to all generations", "Compare with others", the technology chips):
// the embed shows them too (or the full app opens in a new tab), never only the timeline.
test('every way out of the embed\'s detail leads to something shown', async ({ page, context, site }) => {
  for (const [role, name] of [['button', EN.ui.toOverview], ['link', EN.ui.compareWith], ['link', 'Docker']]) {
    await page.goto('about:blank');
    await page.goto(`${site.url}${EMBED_FILE}#/gen/3?lang=en`);
    const frame = page.mainFrame();
    await embedReady(frame);
    const tab = context.waitForEvent('page', { timeout: 1000 }).catch(() => null);
    await frame.locator('article.detail').getByRole(role, { name, exact: true }).click();
    const opened = await tab;
    if (opened) continue; // the full app in a new tab: fine
    await expect.soft(frame.locator('main').locator('article.detail, section.overview, .compare, .tech-index').filter({ visible: true }),
      `"${name}" in the embed: a view besides the timeline`).not.toHaveCount(0, { timeout: 2000 });
  }
});

test('the full app refuses to be framed: the same page framing index.html or its directory gets no app', async ({ page, site, host, browserProblems }) => {
  const frames = [['by-name', `${site.url}index.html#/gen/3?lang=en`], ['by-directory', `${site.url}#/gen/3?lang=en`]];
  const hostUrl = host.page(hostPage(frames.map(([id, src]) => `<iframe id="${id}" src="${src}" title="The full app" width="100%" height="400"></iframe>`).join('\n')));
  const answers = frames.map(([, src]) => page.waitForResponse((r) => r.url() === src.replace(/#.*/, '')));
  await page.goto(hostUrl); // waits for the load event, which the frames' (refused) loads are part of
  for (const [i, answer] of answers.entries()) {
    const h = (await answer).headers();
    expect(h['content-security-policy'], `${frames[i][0]}: the app's CSP`).toBe(CSP);
    expect(CSP).toMatch(/; frame-ancestors 'none'$/);
    expect(h['x-frame-options'], `${frames[i][0]}: X-Frame-Options`).toBe('DENY');
    for (const [k, v] of SECURITY_HEADERS) expect(h[k.toLowerCase()], `${frames[i][0]}: ${k}`).toBe(v);
  }
  for (const [id, src] of frames) {
    const frame = await (await page.locator(`iframe#${id}`).elementHandle()).contentFrame();
    expect(frame.url(), `${id}: not the app's document (Chromium shows its error page instead)`).not.toBe(src);
    expect(await frame.locator('#app, section.timeline, script[data-wasm]').count(), `${id}: nothing of the app in the frame`).toBe(0);
  }
  // Chromium says why, once per frame (CSP's frame-ancestors decides first; X-Frame-Options is for older browsers).
  const refusal = new RegExp(`^console\\.error: Framing '${site.origin.replace(/\./g, '\\.')}/' violates the following Content Security Policy directive: "frame-ancestors 'none'"\\. The request has been blocked\\.`);
  await expect.poll(() => browserProblems.list.filter((p) => refusal.test(p)).length, { message: 'Chromium refused both frames (console)' }).toBe(frames.length);
  browserProblems.take(refusal);
  expect(await messages(page), 'no message from a refused frame').toEqual([]);
});

test(`axe-core ${AXE_VERSION} finds nothing in the framed embed: Korean and English, light and dark`, async ({ page, site, host }, testInfo) => {
  for (const w of [KO, EN]) {
    for (const scheme of ['light', 'dark']) {
      const why = `${w.lang} ${scheme}`;
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(host.page(hostPage(docsSnippet(`${site.url}${EMBED_FILE}#/gen/3?lang=${w.lang}`))));
      const frame = await frameOf(page);
      await embedReady(frame);
      await expectEmbedShows(frame, 3, w, why);
      await expect(frame.locator('html'), `${why}: theme`).toHaveAttribute('data-theme', scheme);
      await expect(frame.getByRole('link', { name: w.ui.embedFull }), `${why}: the link to the full app`).toBeVisible();
      await appFor(frame, site.url).settle();
      const failures = axeFailures(await runAxe(frame));
      testInfo.annotations.push({ type: 'axe', description: `${why}: ${failures.length} problems` });
      expect(failures, `axe-core in the embed (${why})`).toEqual([]);
    }
  }
});

test('offline: after a first visit of the app, and of the embed alone, embed.html opens from the service worker', async ({ page, context, browser, browserProblems, site }) => {
  /** Waits until a service worker controls `p` (first visit: install, activate, claim). */
  const controlled = (p) => expect.poll(() => p.evaluate(() => navigator.serviceWorker.controller?.state ?? null).catch(() => null),
    { message: 'an active service worker controls the page', timeout: 20_000 }).toBe('activated');
  const embedUrl = `${site.url}${EMBED_FILE}#/gen/3?lang=en`;
  /** embed.html offline in `p`: served by the worker, taken over by the app, generation 3. */
  const offlineEmbed = async (p, why) => {
    await p.goto('about:blank');
    const res = await p.goto(embedUrl);
    expect(res.fromServiceWorker(), `${why}: embed.html from the service worker`).toBe(true);
    expect(res.status(), `${why}: status`).toBe(200);
    await embedReady(p.mainFrame());
    await expectEmbedShows(p.mainFrame(), 3, EN, why);
  };

  // The app first (index.html): the worker precaches every file of the build, embed.html among them.
  const app = appFor(page, site.url);
  await app.open('#/gen/1');
  await controlled(page);
  await context.setOffline(true);
  await offlineEmbed(page, 'offline after a visit of the app');

  // The embed alone first: it registers the worker itself (sw-register.js is in it too).
  const other = await browserProblems.watch(await browser.newContext({ locale: 'en-US' }));
  try {
    const p = await other.newPage();
    await p.goto(embedUrl);
    await embedReady(p.mainFrame());
    await controlled(p);
    await other.setOffline(true);
    await offlineEmbed(p, 'offline after a visit of the embed');
  } finally {
    await other.close();
  }
});

test('"Copy embed code": the <iframe> of the served embed.html with the view shown, which frames it from another site', async ({ page, context, app, site, host }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
  const copied = async (w) => {
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.getByRole('button', { name: w.ui.embedCode, exact: true }).click();
    await expect(page.locator('#tools-status'), 'the tools say so').toHaveText(w.ui.embedCopied, { useInnerText: true });
    return page.evaluate(() => navigator.clipboard.readText());
  };
  const snippet = (hash, title) => `<iframe src="${site.url}${EMBED_FILE}${hash}" title="${title}" width="100%" height="720" style="border:0" loading="lazy"></iframe>`;

  await app.open('#/gen/3?lang=en');
  expect(await copied(EN), 'English, generation 3').toBe(snippet('#/gen/3?lang=en', SITE.title.en));
  await app.open('#/gen/5?lang=ko');
  await app.expectActive(5, 'Korean, generation 5');
  const code = await copied(KO);
  expect(code, 'Korean, generation 5').toBe(snippet('#/gen/5?lang=ko', SITE.title.ko));

  // Pasted into a page of another site as it is.
  const host2 = await context.newPage();
  await host2.goto(host.page(hostPage(code.replace('<iframe ', '<iframe id="web-infra-evolution" '))));
  const frame = await frameOf(host2);
  await embedReady(frame);
  await expectEmbedShows(frame, 5, KO, 'the copied snippet in a page of another site');
  await expect(host2.locator('iframe#web-infra-evolution'), 'the snippet\'s title names the frame').toHaveAttribute('title', SITE.title.ko);
});
