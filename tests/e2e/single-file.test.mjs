// The single-file edition (dist-single/web-infra-evolution.html, written by scripts/postbuild.mjs): opened from
// a file:// URL in Chromium with the network off, it must run the core flow with no request, no CSP violation
// and no console error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { launchBrowser, watchContext } from './server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = resolve(process.env.E2E_DIST || join(HERE, '../../dist'));
const SINGLE = resolve(process.env.E2E_SINGLE || `${DIST}-single/web-infra-evolution.html`);
const ENGLISH = {
  1: 'Traditional Infrastructure', 2: 'Virtualization', 3: 'Containerization',
  4: 'Orchestration', 5: 'Serverless & Microservices', 6: 'Edge & Decentralized',
};

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function expectActive(page, n, why) {
  await page.waitForFunction((n) => (document.querySelector('a.node[aria-current="step"]')?.dataset.gen ?? null) === n, n == null ? null : String(n), { timeout: 5000 })
    .catch(() => assert.fail(`${why}: want generation ${n}, URL ${page.url()}`));
  if (n != null) {
    const heading = await page.locator('h2#detail-heading').innerText();
    assert.ok(heading.includes(`(${ENGLISH[n]})`), `${why}: heading ${JSON.stringify(heading)}`);
  }
}

test('the file is self-contained: nothing to fetch, its own CSP', (t) => {
  assert.ok(existsSync(SINGLE), `${SINGLE} exists (make build writes it)`);
  const html = readFileSync(SINGLE, 'utf8');
  const refs = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('data:') && !u.startsWith('#'));
  assert.deepEqual(refs, [], 'no src/href to another file');
  assert.doesNotMatch(html, /rel="(manifest|modulepreload|preload|stylesheet)"/);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.ok(csp, 'a CSP meta');
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|'self'|https?:/, `strict: ${csp}`);
  assert.match(csp, /'wasm-unsafe-eval'/);
  const raw = Buffer.byteLength(html);
  const br = zlib.brotliCompressSync(Buffer.from(html), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  t.diagnostic(`single file: ${raw} bytes raw, ${br} bytes brotli`);
});

test('from file:// with the network off: select a node, keys, tables, deep link', async () => {
  const context = await browser.newContext({ offline: true, locale: 'ko-KR' });
  const problems = await watchContext(context);
  const requests = [];
  await context.route(/^(https?|wss?):/, (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const url = pathToFileURL(SINGLE).href;
    await page.goto(url);
    await page.locator('section.timeline').waitFor({ state: 'visible' });
    await page.locator('#boot').waitFor({ state: 'detached' });
    await expectActive(page, null, 'opened');
    assert.equal(await page.locator('a.node').count(), 6);

    await page.locator('a.node[data-gen="3"]').click();
    await expectActive(page, 3, 'click');
    assert.equal(await page.evaluate(() => location.hash), '#/gen/3');
    await page.keyboard.press('ArrowRight');
    await expectActive(page, 4, 'ArrowRight');
    await page.keyboard.press('Home');
    await expectActive(page, 1, 'Home');
    await page.keyboard.press('End');
    await expectActive(page, 6, 'End');
    await page.keyboard.press('2');
    await expectActive(page, 2, 'digit 2');
    await page.keyboard.press('Escape');
    await expectActive(page, null, 'Escape');

    const summary = page.getByRole('table', { name: '세대별 요약 비교' });
    assert.ok(await summary.isVisible(), 'summary table');
    assert.equal(await summary.locator('tbody tr').count(), 6, 'six rows');
    assert.ok(await page.getByRole('table', { name: '다이어그램 설명' }).isVisible(), 'diagram table');
    await summary.getByRole('link', { name: /5세대/ }).click();
    await expectActive(page, 5, 'table link');
    assert.equal(await summary.locator('tr.active').count(), 1, 'the active row is highlighted');

    await page.goto(`${url}#/gen/4`);
    await expectActive(page, 4, 'deep link in the file URL');
    await page.reload();
    await expectActive(page, 4, 'reload');

    assert.deepEqual(requests, [], 'no network request');
    assert.equal(await page.evaluate(() => navigator.serviceWorker?.controller ?? null), null, 'no service worker from file://');
    assert.deepEqual(problems, [], problems.join('\n'));
  } finally {
    await context.close();
  }
});
