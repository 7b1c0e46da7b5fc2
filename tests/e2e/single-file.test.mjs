// The single-file edition (dist-single/web-infra-evolution.html, written by the build): opened from a file:// URL
// in Chromium with the network off, it must run the core flow with no request, no CSP violation and no console
// error (the fixture fails the test on any).
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { test, expect } from './fixtures.mjs';
import { SINGLE } from './server.mjs';
import { words } from './content.mjs';

const KO = words('ko');

test('the file is self-contained: nothing to fetch, its own CSP', async ({}, testInfo) => {
  expect(existsSync(SINGLE), `${SINGLE} exists (make build writes it)`).toBe(true);
  const html = readFileSync(SINGLE, 'utf8');
  const refs = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('data:') && !u.startsWith('#'));
  expect(refs, 'no src/href to another file').toEqual([]);
  expect(html).not.toMatch(/rel="(manifest|modulepreload|preload|stylesheet)"/);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  expect(csp, 'a CSP meta').toBeTruthy();
  expect(csp, 'strict').not.toMatch(/'unsafe-inline'|'unsafe-eval'|'self'|https?:/);
  expect(csp).toMatch(/'wasm-unsafe-eval'/);
  const raw = Buffer.byteLength(html);
  const br = zlib.brotliCompressSync(Buffer.from(html), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  testInfo.annotations.push({ type: 'size', description: `single file: ${raw} bytes raw, ${br} bytes brotli` });
});

test.describe('from file://', () => {
  test.use({ offline: true, acceptDownloads: true });

  test('with the network off: select a node, keys, tables, deep link', async ({ page, context, app }) => {
    const requests = [];
    await context.route(/^(https?|wss?):/, (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    const url = pathToFileURL(SINGLE).href;
    await app.open('', { url });
    await app.expectActive(null, 'opened');

    await app.node(3).click();
    await app.expectActive(3, 'click');
    expect(await page.evaluate(() => location.hash)).toBe('#/gen/3');
    for (const [key, n] of [['ArrowRight', 4], ['Home', 1], ['End', 6], ['2', 2], ['Escape', null]]) {
      await page.keyboard.press(key);
      await app.expectActive(n, key);
    }

    const summary = page.getByRole('table', { name: KO.summaryCaption });
    await expect(summary).toBeVisible();
    await expect(summary.locator('tbody tr'), 'six rows').toHaveCount(6);
    await expect(page.getByRole('table', { name: KO.diagramCaption })).toBeVisible();
    await summary.getByRole('link', { name: KO.label(5) }).click();
    await app.expectActive(5, 'table link');
    await expect(summary.locator('tr.active'), 'the active row is highlighted').toHaveCount(1);

    await app.open('#/gen/4', { url });
    await app.expectActive(4, 'deep link in the file URL');
    await page.reload();
    await app.ready();
    await app.expectActive(4, 'reload');

    expect(requests, 'no network request').toEqual([]);
    expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null), 'no service worker from file://').toBeNull();
  });

  // The tools' wasm (the export) is carried in the file too, and started from there on first use.
  test('export from the file, with the network off', async ({ page, context, app }) => {
    const requests = [];
    await context.route(/^(https?|wss?):/, (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    await app.open('#/gen/3', { url: pathToFileURL(SINGLE).href });
    await page.locator('details.export summary').click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export-items-csv"]').click()]);
    expect(file.suggestedFilename()).toBe('web-infra-evolution-gen3.ko.csv');
    expect(readFileSync(await file.path(), 'utf8')).toMatch(/^\uFEFF항목,내용\r\n[^]*Docker/);
    await expect(page.locator('#tools-status')).toHaveText('파일을 내려받았습니다.', { useInnerText: true });
    expect(requests, 'no network request').toEqual([]);
  });
});
