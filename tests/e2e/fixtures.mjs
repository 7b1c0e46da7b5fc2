// The one place for what the end-to-end tests share: Playwright fixtures on top of @playwright/test.
// Every test file imports `test` and `expect` from here.
//
// Options (set per project in playwright.config.mjs, or with test.use):
//   lang                   'ko' | 'en': the language the project's browser asks for (`words` follows it)
//   expectedErrors         RegExp | null: console errors and uncaught errors a test causes on purpose (never
//                          CSP violations); one RegExp, since Playwright reads an array option as [value, options]
// Fixtures:
//   browserProblems  (automatic) watches the test's browser contexts for console errors, uncaught errors and
//                    Content-Security-Policy violations, and fails the test if there was any
//   sites            { main, scratch }: the sites of the one nginx of the run (global-setup.mjs)
//   site             sites.main: the build under test, under /a/b/web-infra/ (also the `baseURL`)
//   scratchSite      sites.scratch, freshly reset to a copy of the build: a test may deploy over it
//                    (option `scratch: 'faults'`: sites.faults, the same for faults.test.mjs)
//   app              the app in `page`: open it and wait until it took over, settle, expect a generation …
//   words            the words of the project's language (content.mjs)
//   launchPersistent (options, profile = 'default') => a Chromium context with a profile on disk (a temp dir per
//                    profile name: relaunch with the same name = a browser restart; not incognito, so Chromium
//                    reports installability), watched, closed and deleted after the test
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, request } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { DIST, ROOT, readRequests } from './server.mjs';
import { COMPARED_SIGN, COMPARED_WORDS, words as wordsFor } from './content.mjs';

export { expect };

/**
 * The finishing step of the build (today: build/finish.mjs, which Trunk runs as its post_build hook) run again on
 * a build directory `dir`, as after a changed build (offline.test.mjs simulates a new deploy with it). The one line
 * that knows the command. `env`: build settings on top of this process's environment (e.g. `{ SITE_URL }`).
 */
export function finishBuild(dir, env = {}) {
  execFileSync(process.execPath, [join(ROOT, 'build/finish.mjs'), dir, '--no-single'], { stdio: 'pipe', env: { ...process.env, ...env } });
}

/**
 * A new build made from `from`: a changed stylesheet (new content, new hashed name, new SRI) and the app's
 * JS and wasm under new hashed names, then the finishing step again (new sw.js version, manifest, _headers, .br/.gz).
 */
export function changedBuild(from, to) {
  cpSync(from, to, { recursive: true });
  const names = readdirSync(to);
  let html = readFileSync(join(to, 'index.html'), 'utf8');
  const hex16 = (s) => createHash('sha256').update(s).digest('hex').slice(0, 16);
  const css = names.find((f) => /^app-[0-9a-f]{8,16}\.css$/.test(f));
  const text = `${readFileSync(join(to, css), 'utf8')}\n:root { --deploy-marker: "v2"; }\n`;
  const newCss = `app-${hex16(text)}.css`;
  writeFileSync(join(to, newCss), text);
  rmSync(join(to, css));
  const sri = `sha384-${createHash('sha384').update(text).digest('base64')}`;
  html = html.replace(new RegExp(`href="\\./${css}" integrity="[^"]+"`), `href="./${newCss}" integrity="${sri}"`);
  const js = names.find((f) => /^web-infra-evolution-[0-9a-f]{8,16}\.js$/.test(f));
  const id = js.slice('web-infra-evolution-'.length, -3);
  const newId = hex16(`v2${id}`);
  for (const [a, b] of [[`${id}.js`, `${newId}.js`], [`${id}_bg.wasm`, `${newId}_bg.wasm`]]) {
    cpSync(join(to, `web-infra-evolution-${a}`), join(to, `web-infra-evolution-${b}`));
    rmSync(join(to, `web-infra-evolution-${a}`));
    html = html.split(`web-infra-evolution-${a}`).join(`web-infra-evolution-${b}`);
  }
  writeFileSync(join(to, 'index.html'), html);
  finishBuild(to);
  return { css: newCss, js: `web-infra-evolution-${newId}.js`, oldFiles: names.filter((f) => !readdirSync(to).includes(f)) };
}

/**
 * A proxy in front of `upstream` (http://127.0.0.1:port): a network between the browser and the site that a test
 * can break for real, for the page and for the browser's own requests (the service worker's update checks, which
 * Playwright's offline emulation does not cover). It passes everything through, except:
 * - `cutPath`: for a path matching it, the headers and half the body, then the connection is destroyed (the network
 *   dying in the middle of a download);
 * - `offline = true`: every connection is reset (the open ones too) until it is set back to false; `refused()`
 *   lists what was asked for meanwhile.
 */
export async function faultProxy(upstream, { cutPath = null } = {}) {
  let cut = 0;
  let offline = false;
  const refused = [];
  const sockets = new Set();
  const server = createServer((req, res) => {
    if (offline) {
      refused.push(new URL(req.url, upstream).pathname);
      req.socket.destroy();
      return;
    }
    const up = request(`${upstream}${req.url}`, { method: req.method, headers: req.headers }, (upRes) => {
      res.writeHead(upRes.statusCode, upRes.headers);
      const total = Number(upRes.headers['content-length']);
      if (!cutPath?.test(new URL(req.url, upstream).pathname) || !(total > 1)) {
        upRes.pipe(res);
        return;
      }
      const half = total >> 1;
      let sent = 0;
      upRes.on('data', (chunk) => {
        if (sent >= half) return;
        const part = chunk.subarray(0, half - sent);
        sent += part.length;
        res.write(part, () => {
          if (sent >= half && !res.destroyed) {
            cut += 1;
            upRes.destroy();
            res.socket?.destroy();
          }
        });
      });
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    cut: () => cut,
    /** The paths asked for while offline (each connection reset). */
    refused: () => [...refused],
    set offline(value) {
      offline = value;
      if (value) for (const s of sockets) s.destroy();
    },
    close: () => new Promise((ok) => { for (const s of sockets) s.destroy(); server.close(ok); }),
  };
}

/** Console errors, uncaught errors and CSP violations of every context it watches. */
class BrowserProblems {
  constructor(expectedErrors) {
    this.expected = expectedErrors;
    /** Messages so far, live. */
    this.list = [];
  }

  /** Starts watching `context`: CSP violations from before the first script of every document it opens. */
  async watch(context) {
    await context.exposeBinding('__e2eCspViolation', (_source, v) => this.list.push(`CSP violation: ${v}`));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const where = e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : '';
        globalThis.__e2eCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}${where} ${e.sample || ''}`.trim());
      });
    });
    const expected = (text) => this.expected?.test(text) ?? false;
    context.on('console', (m) => {
      if (m.type() === 'error' && !expected(m.text())) this.list.push(`console.error: ${m.text()} (${m.location().url || '?'})`);
    });
    context.on('weberror', (e) => {
      if (!expected(e.error().message)) this.list.push(`pageerror: ${e.error().message}`);
    });
    return context;
  }

  /** Removes and returns the messages matching `re` (problems a test caused on purpose and checked). */
  take(re) {
    const taken = this.list.filter((p) => re.test(p));
    this.list = this.list.filter((p) => !re.test(p));
    return taken;
  }
}

/** The app in one page: loading it, waiting for it, and what a generation being active means. */
class App {
  constructor(page, url) {
    this.page = page;
    /** Where the app is served: the sub-path URL of the site under test. */
    this.url = url;
  }

  /**
   * A full load of the app at `hash` (from `url`, the site's by default), then waits until the wasm app took over.
   * A hash-only goto would be a same-document navigation, not a load: about:blank comes first.
   */
  async open(hash = '', { url = this.url } = {}) {
    if (this.page.url() !== 'about:blank') await this.page.goto('about:blank');
    await this.page.goto(url + hash);
    await this.ready();
  }

  /** Waits until the app has taken over the page (after a load or a reload). */
  async ready() {
    // The built page carries a prerendered first view (div#app[data-prerendered]). The wasm adopts it in place
    // (src/lib.rs start()): while adopting it removes #boot, and once it is done it removes data-prerendered from
    // the same #app (nothing is replaced). Its catching up with the link and saved choices runs as effects right
    // after, before the page can answer another of Playwright's calls.
    const { page } = this;
    await page.locator('#boot').waitFor({ state: 'detached' });
    await page.locator('#app[data-prerendered]').waitFor({ state: 'detached' });
    await page.locator('section.timeline').waitFor({ state: 'visible' });
  }

  /** Lets fonts load and entrance animations and transitions finish (bounded, in case something loops forever). */
  async settle() {
    await this.page.evaluate(async () => {
      await document.fonts?.ready;
      const done = Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {})));
      await Promise.race([done, new Promise((r) => setTimeout(r, 5000))]);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    });
  }

  /** The language the page is in now (`<html lang>`), and its words. */
  async words() {
    return wordsFor(await this.page.evaluate(() => document.documentElement.lang));
  }

  /** The timeline region, by its accessible name in `lang`. */
  timeline(lang = 'ko') {
    return this.page.getByRole('region', { name: wordsFor(lang).ui.timeline });
  }

  /**
   * The timeline's link to generation n (the tables link to "3세대" too, hence the scope). In a comparison the
   * compared generations' names start with a ✓ (style/views.css).
   */
  node(n, lang = 'ko') {
    return this.timeline(lang).getByRole('link', { name: new RegExp(`^\\s*(?:(?:${COMPARED_SIGN}|${COMPARED_WORDS[lang]})\\s*)?${wordsFor(lang).label(n)}`) });
  }

  /**
   * `fn(arg)` evaluated in the page, for expect.poll: while the page is between documents (a reload, a
   * navigation) it answers with the error instead of throwing, so the poll goes on.
   */
  probe(fn, arg) {
    return this.page.evaluate(fn, arg).catch((e) => `(no answer: ${e.message.split('\n')[0]})`);
  }

  /** `data-gen` of the active timeline node (aria-current="step"), or null on the overview. */
  active() {
    return this.probe(() => document.querySelector('a.node[aria-current="step"]')?.dataset.gen ?? null);
  }

  async expectHash(hash) {
    await expect.poll(() => this.probe(() => location.hash), { message: 'location.hash' }).toBe(hash);
  }

  /**
   * Waits until exactly generation `n` is active (null: the overview), within `timeout`, then checks what that
   * implies in the page's language: only its node carries aria-current="step"; the detail (its heading as shown, its
   * 항목/내용 table) or the overview is shown, and the other one hidden (both stay in the DOM, the one not shown has
   * the `hidden` attribute); the document title follows; the timeline and both tables are there.
   */
  async expectActive(n, why = '', { timeout = 5000 } = {}) {
    const { page } = this;
    const want = n == null ? [] : [`${n}:step`];
    await expect.poll(
      () => this.probe(() => [...document.querySelectorAll('a.node[aria-current]')].map((a) => `${a.dataset.gen}:${a.getAttribute('aria-current')}`)),
      { message: `${why}: the active timeline node (aria-current)`, timeout },
    ).toEqual(want);
    const w = await this.words();
    if (n == null) {
      await expect(page.getByRole('heading', { level: 2, name: w.overviewHeading, exact: true }), `${why}: overview heading`).toBeVisible();
      await expect(page.locator('section.overview'), `${why}: overview shown`).toBeVisible();
      await expect(page.locator('article.detail'), `${why}: no detail on the overview`).toBeHidden();
      await expect(page, `${why}: document title`).toHaveTitle(w.title);
    } else {
      const heading = page.locator('article.detail h2#detail-heading');
      await expect(heading, `${why}: detail heading`).toBeVisible();
      await expect(heading, `${why}: detail heading`).toHaveText(w.detailHeading(n), { useInnerText: true });
      await expect(page.locator('article.detail'), `${why}: the detail is of generation ${n}`).toHaveAttribute('data-gen', String(n));
      await expect(page.locator('section.overview'), `${why}: overview hidden on a generation`).toBeHidden();
      await expect(page, `${why}: document title`).toHaveTitle(w.docTitle(n));
      expect(await page.locator('article.detail table tr').count(), `${why}: the detail's table`).toBeGreaterThanOrEqual(3);
    }
    await expect(page.locator('a.node'), `${why}: six timeline nodes`).toHaveCount(6);
    await expect(page.locator('table.gen-table'), `${why}: the post's two tables`).toHaveCount(2);
  }

  /**
   * The page's horizontal overflow, and the first elements that reach past the viewport without an ancestor that
   * clips or scrolls them (for the message). An absolutely positioned element escapes a scrolling ancestor that is
   * not (an ancestor of) its containing block: visually-hidden words inside a scrolling table can widen the page.
   */
  overflow() {
    return this.page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const contained = (el) => {
        let from = el.parentElement;
        if (getComputedStyle(el).position === 'absolute') {
          while (from && from !== document.body && getComputedStyle(from).position === 'static') from = from.parentElement;
        }
        for (let p = from; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return true;
        return false;
      };
      return {
        scroll: document.documentElement.scrollWidth,
        client: width,
        wide: [...document.querySelectorAll('body *')]
          .map((el) => ({ el, r: el.getBoundingClientRect() }))
          .filter(({ r, el }) => r.width > 0 && r.right > width + 0.5 && !el.closest('.skip-link') && !contained(el))
          .slice(0, 6)
          .map(({ el, r }) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')} right=${Math.round(r.right)}`),
      };
    });
  }

  async expectNoHorizontalScroll(what) {
    const o = await this.overflow();
    expect(o.scroll, `${what}: scrollWidth ${o.scroll} > clientWidth ${o.client}; overflowing: ${o.wide.join(', ')}`).toBeLessThanOrEqual(o.client);
  }
}

/** A site's data (from E2E_SITES) with its access log and, for a scratch site, a way to deploy over it. */
function siteOf(data) {
  return {
    ...data,
    /** Every request nginx answered for this site so far: { status, method, uri, encoding }. */
    requests: () => readRequests(data.log),
    /** Deploys like `rsync --delete`: the old files go, the files of `dir` come; same server, same URL. */
    deploy(dir) {
      for (const f of readdirSync(data.root)) rmSync(join(data.root, f), { recursive: true, force: true });
      cpSync(dir, data.root, { recursive: true });
    },
  };
}

export const test = base.extend({
  lang: ['ko', { option: true }],
  expectedErrors: [null, { option: true }],

  sites: [async ({}, use) => {
    if (!process.env.E2E_SITES) throw new Error('E2E_SITES is not set: run the suite with `npx playwright test` (its global setup starts nginx)');
    const data = JSON.parse(process.env.E2E_SITES);
    await use(Object.fromEntries(Object.entries(data).map(([k, v]) => [k, siteOf(v)])));
  }, { scope: 'worker' }],
  site: async ({ sites }, use) => use(sites.main),
  baseURL: async ({ sites }, use) => use(sites.main.url),
  scratch: ['scratch', { option: true }],
  scratchSite: async ({ sites, scratch }, use) => {
    sites[scratch].deploy(DIST);
    await use(sites[scratch]);
  },

  browserProblems: [async ({ expectedErrors }, use) => {
    const problems = new BrowserProblems(expectedErrors);
    await use(problems);
    expect(problems.list, 'console errors, uncaught errors and CSP violations').toEqual([]);
  }, { auto: true }],
  context: async ({ context, browserProblems }, use) => {
    await use(await browserProblems.watch(context));
  },

  app: async ({ page, site }, use) => use(new App(page, site.url)),
  words: async ({ lang }, use) => use(wordsFor(lang)),

  launchPersistent: async ({ playwright, launchOptions, browserProblems }, use) => {
    const open = [];
    const profiles = new Map();
    await use(async (options = {}, profile = 'default') => {
      if (!profiles.has(profile)) profiles.set(profile, mkdtempSync(join(tmpdir(), 'e2e-profile-')));
      const context = await playwright.chromium.launchPersistentContext(profiles.get(profile), { ...launchOptions, headless: true, ...options });
      open.push(context);
      return browserProblems.watch(context);
    });
    for (const c of open) await c.close().catch(() => {});
    for (const dir of profiles.values()) rmSync(dir, { recursive: true, force: true });
  },
});

/** An App for any page (e.g. a second page of the test's context). */
export const appFor = (page, url) => new App(page, url);
