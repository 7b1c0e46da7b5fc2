// Shared helpers for a11y.test.mjs, i18n-theme.test.mjs and print.test.mjs (not a test file itself).
// The server and the browser come from server.mjs; this adds the per-test context, loading and settling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as serverModule from './server.mjs';

const { startServer, launchBrowser } = serverModule;

const HERE = dirname(fileURLToPath(import.meta.url));
/** The build under test: dist/, or E2E_DIST (e.g. a deliberately broken copy). */
export const DIST = resolve(process.env.E2E_DIST || join(HERE, '../../dist'));
export const ARTIFACTS = join(HERE, 'artifacts');
export const ROOT = resolve(HERE, '../..');

export function artifacts() {
  mkdirSync(ARTIFACTS, { recursive: true });
  return ARTIFACTS;
}

/** Korean and English words the tests look for, from content/generations.toml and src/ui.rs. */
export const WORDS = {
  ko: {
    title: '웹 인프라 진화',
    gen3Title: '3세대: 컨테이너 시대 — 웹 인프라 진화',
    overviewHeading: '웹 인프라의 진화',
    timeline: '세대 타임라인',
    play: '재생',
    pause: '일시 정지',
    theme: '테마',
    toOverview: '개요로 돌아가기',
    prev: '이전 세대',
    next: '다음 세대',
    skip: '본문으로 건너뛰기',
    diagramCaption: '다이어그램 설명',
    summaryCaption: '세대별 요약 비교',
    label: (n) => `${n}세대`,
  },
  en: {
    title: 'Web Infrastructure Evolution',
    gen3Title: 'Generation 3: Container Era — Web Infrastructure Evolution',
    overviewHeading: 'The Evolution of Web Infrastructure',
    timeline: 'Generation timeline',
    play: 'Play',
    pause: 'Pause',
    theme: 'Theme',
    toOverview: 'Back to overview',
    prev: 'Previous generation',
    next: 'Next generation',
    skip: 'Skip to main content',
    diagramCaption: 'About the diagram',
    summaryCaption: 'Summary comparison by generation',
    label: (n) => `Generation ${n}`,
  },
};

/** Node titles in the timeline (content/generations.toml `node_title`). */
export const NODE_TITLES = {
  ko: ['물리 서버 시대', '가상화 시대', '컨테이너 시대', '오케스트레이션 시대', '서버리스 & 마이크로서비스', '에지 & 분산형 인프라'],
  en: ['Physical Server Era', 'Virtualization Era', 'Container Era', 'Orchestration Era', 'Serverless & Microservices', 'Edge & Decentralized Infrastructure'],
};

export const HANGUL = /[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]/;

/**
 * Registers before/after hooks that start nginx on `DIST` and one Chromium for the file's tests.
 * Returns an object whose `server` and `browser` are filled in once the hooks ran.
 */
export function useServer() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer({ root: DIST });
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

/** Collects console errors and uncaught page errors of a page into `errors`. */
export function watchErrors(page, errors = []) {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()} (${m.location().url || '?'})`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/**
 * A test with its own browser context (Korean browser unless `opts.context` says otherwise) and page;
 * it fails on any console error or page error unless `opts.allowErrors`.
 */
export function appTest(env, name, opts, fn) {
  if (typeof opts === 'function') [opts, fn] = [{}, opts];
  test(name, { timeout: opts.timeout ?? 90_000 }, async () => {
    const context = await env.browser.newContext({ locale: 'ko-KR', ...opts.context });
    if (opts.init) await context.addInitScript(opts.init);
    // server.mjs's watchContext (when it has one) also reports Content-Security-Policy violations.
    let errors = typeof serverModule.watchContext === 'function' ? await serverModule.watchContext(context) : null;
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    if (!errors) watchErrors(page, (errors = []));
    try {
      await fn({ page, context, errors });
      if (!opts.allowErrors) assert.deepEqual(errors, [], `console errors / page errors:\n${errors.join('\n')}`);
    } finally {
      await context.close();
    }
  });
}

/** Loads the app at `hash` and waits until the wasm app has replaced the static loading text. */
export async function open(page, url, hash = '') {
  await page.goto(url + hash);
  await ready(page);
}

export async function ready(page) {
  // The built page may carry a prerendered first view (div#app[data-prerendered]); the app has taken over
  // once it removed #boot and its own #app (without that attribute) replaced the prerendered one.
  await page.locator('#boot').waitFor({ state: 'detached' });
  await page.locator('#app[data-prerendered]').waitFor({ state: 'detached' });
  await page.locator('section.timeline').waitFor({ state: 'visible' });
}

/** Lets fonts load and entrance animations and transitions finish (bounded). */
export async function settle(page) {
  await page.evaluate(async () => {
    await document.fonts?.ready;
    const done = Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {})));
    await Promise.race([done, new Promise((r) => setTimeout(r, 5000))]);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/** Waits until `fn(arg)` in the page is truthy, failing with `message` (and the last value) otherwise. */
export async function waitFor(page, fn, arg, message, timeout = 5000) {
  try {
    await page.waitForFunction(fn, arg, { timeout });
  } catch {
    const got = await page.evaluate(fn, arg).catch((e) => `error: ${e.message}`);
    assert.fail(`${message} (last value ${JSON.stringify(got)})`);
  }
}

/** The state a language or theme test cares about, in one read. */
export function snapshot(page) {
  return page.evaluate(() => ({
    hash: location.hash,
    lang: document.documentElement.lang,
    theme: document.documentElement.dataset.theme,
    title: document.title,
    savedLang: (() => { try { return localStorage.getItem('wie.lang'); } catch { return 'threw'; } })(),
    savedTheme: (() => { try { return localStorage.getItem('wie.theme'); } catch { return 'threw'; } })(),
    current: [...document.querySelectorAll('a.lang-link[aria-current="true"]')].map((a) => a.getAttribute('hreflang')),
    active: document.querySelector('a.node[aria-current="step"]')?.dataset.gen ?? null,
    heading: document.querySelector('#detail-heading, #overview-heading')?.textContent.trim() ?? null,
    historyLength: history.length,
  }));
}

/** Fails with one readable message listing `problems` (assert.deepEqual would print the list twice). */
export function expectNone(problems, title) {
  if (problems.length) assert.fail(`${title} (${problems.length}):\n${problems.join('\n')}`);
}

/** Lists elements wider than the viewport (for a failure message). */
export function horizontalOverflow(page) {
  return page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    inner: window.innerWidth,
    wide: [...document.querySelectorAll('body *')]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r, el }) => r.width > 0 && r.right > document.documentElement.clientWidth + 0.5 && !el.closest('.visually-hidden, .skip-link'))
      .slice(0, 6)
      .map(({ el, r }) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')} right=${Math.round(r.right)}`),
  }));
}
