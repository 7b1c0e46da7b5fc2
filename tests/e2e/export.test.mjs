// Export (issue 14): the tools' buttons make files in the browser and download them from a Blob — nothing fetched.
// Each file is read back and compared with the content file (content/generations.toml via content.mjs): CSV with
// its BOM and RFC 4180 quoting, Markdown pipe tables, the versioned JSON (both languages), the diagram as SVG that
// parses as XML with every node. Offline too. (The writers themselves have native tests: src/export.rs.)
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';
import { GENERATIONS, SITE } from './content.mjs';

/** RFC 4180: records of fields, quoted fields with "" for a quote, CRLF between records. */
function parseCsv(text) {
  const rows = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { rows.at(-1).push(field); field = ''; rows.push([]); i += 1; } else field += c;
  }
  if (field !== '' || rows.at(-1).length) rows.at(-1).push(field);
  return rows.filter((r) => r.length && !(r.length === 1 && r[0] === ''));
}

/** Clicks the export button `action` (the list opened first) and returns the download's name and text. */
async function download(page, action) {
  const details = page.locator('details.export');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-action="${action}"]`).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const names = (list) => list.join(', ');

test.use({ acceptDownloads: true });

test('the summary table as CSV (ko) and in both languages: BOM, quoting, every value the post gives, the credit last', async ({ page, app }) => {
  await app.open('#/');
  const ko = await download(page, 'export-summary-csv');
  expect(ko.name).toBe('web-infra-evolution-summary.ko.csv');
  expect(ko.bytes.subarray(0, 3).equals(BOM), 'UTF-8 BOM, for Excel').toBe(true);
  const rows = parseCsv(ko.bytes.subarray(3).toString('utf8'));
  expect(rows[0]).toEqual(SITE.summary_columns.map((c) => c.ko));
  GENERATIONS.forEach((g, i) => {
    expect(rows[i + 1][1], `generation ${i + 1}'s paradigm`).toBe(g.summary.paradigm.ko);
    expect(rows[i + 1][2], `generation ${i + 1}'s technologies`).toBe(names(g.summary.technologies));
    expect(rows[i + 1][3]).toBe(g.summary.benefit.ko);
  });
  expect(rows.at(-1)[0], 'the source credit, last').toContain(SITE.title.ko);
  expect(rows.at(-1)[0]).toContain('2025-10-17');

  await page.locator('#export-both').check();
  const both = await download(page, 'export-summary-csv');
  expect(both.name).toBe('web-infra-evolution-summary.ko-en.csv');
  const header = parseCsv(both.bytes.subarray(3).toString('utf8'))[0];
  for (const c of SITE.summary_columns) expect(header, 'a column per language').toEqual(expect.arrayContaining([c.ko, c.en]));
});

test('Markdown tables (en): a pipe table per table, each generation\'s Item/Details for the generation shown', async ({ page, app }) => {
  await app.open('#/gen/1?lang=en');
  const diagram = await download(page, 'export-diagram-md');
  expect(diagram.name).toBe('web-infra-evolution-diagram.en.md');
  const md = diagram.bytes.toString('utf8');
  expect(md).toContain(`| ${SITE.diagram_columns.map((c) => c.en).join(' | ')} |`);
  expect(md).toMatch(/^\| --- \| --- \| --- \|$/m);
  for (const g of GENERATIONS) expect(md).toContain(g.diagram.concept.en);
  const items = await download(page, 'export-items-md');
  expect(items.name, 'the generation shown').toBe('web-infra-evolution-gen1.en.md');
  const text = items.bytes.toString('utf8');
  expect(text).toContain(GENERATIONS[0].pros.en);
  expect(text).toContain(GENERATIONS[0].cons.en);
});

test('the whole content as JSON: versioned, both languages, exactly the content file\'s values', async ({ page, app }) => {
  await app.open('#/');
  const file = await download(page, 'export-json');
  expect(file.name).toBe('web-infra-evolution.json');
  const data = JSON.parse(file.bytes.toString('utf8'));
  expect(data.format).toBe('web-infra-evolution');
  expect(data.version).toBe(1);
  expect(data.generations).toHaveLength(6);
  GENERATIONS.forEach((g, i) => {
    const got = data.generations[i];
    expect(JSON.stringify(got), `generation ${i + 1}`).toContain(JSON.stringify(g.node_title.ko));
    expect(JSON.stringify(got)).toContain(JSON.stringify(g.node_title.en));
    for (const t of g.summary.technologies) expect(JSON.stringify(got)).toContain(JSON.stringify(t));
  });
  expect(JSON.stringify(data.source)).toContain('2025-10-17');
});

test('the diagram as SVG: valid XML, a viewBox, no external references, every node\'s words as text in its colours', async ({ page, app }) => {
  await app.open('#/?lang=en');
  const file = await download(page, 'export-svg');
  expect(file.name).toBe('web-infra-evolution-diagram.en.svg');
  const svg = file.bytes.toString('utf8');
  const parsed = await page.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      viewBox: root.getAttribute('viewBox'),
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent).join('\n'),
      foreign: doc.querySelectorAll('foreignObject').length,
      hrefs: [...doc.querySelectorAll('[href], [*|href]')].map((e) => e.getAttribute('href')),
    };
  }, svg);
  expect(parsed.error).toBeNull();
  expect(parsed.viewBox).toMatch(/^0 0 \d+/);
  expect(parsed.foreign).toBe(0);
  expect(parsed.hrefs.filter((h) => h && !h.startsWith('#'))).toEqual([]);
  for (const g of GENERATIONS) {
    expect(parsed.texts).toContain(g.node_title.en);
    expect(svg.toLowerCase()).toContain(g.fill.toLowerCase());
  }
});

// The writers are in the tools' wasm (below), fetched on first use: offline, from the offline copy, which the
// service worker has made once it is active (it precaches every file of the build before it activates).
test('offline, once the offline copy is made: export needs no network', async ({ page, app, context }) => {
  await app.open('#/gen/2');
  await expect.poll(() => app.probe(() => navigator.serviceWorker.controller?.state ?? null),
    { message: 'an active service worker controls the page', timeout: 20_000 }).toBe('activated');
  await context.setOffline(true);
  const file = await download(page, 'export-items-csv');
  expect(file.name).toBe('web-infra-evolution-gen2.ko.csv');
  expect(file.bytes.length).toBeGreaterThan(50);
  await expect(page.locator('#tools-status')).toHaveText('파일을 내려받았습니다.', { useInnerText: true });
  await context.setOffline(false);
});

// The writers are in a second wasm (src/bin/tools.rs, issue 9: they cost the first load nothing): fetched the
// first time a reader exports, once, and never before.
test('the export\'s wasm is fetched on first use only, and once', async ({ page, app }) => {
  const tools = [];
  page.on('request', (r) => { if (/\/tools-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(r.url())) tools.push(r.url().replace(/.*\//, '')); });
  await app.open('#/gen/2');
  await app.settle();
  expect(tools, 'nothing of the tools at the first load').toEqual([]);
  expect((await download(page, 'export-summary-csv')).name).toBe('web-infra-evolution-summary.ko.csv');
  expect(tools.map((f) => f.replace(/[0-9a-f]{16}/, 'H')).sort()).toEqual(['tools-H.js', 'tools-H_bg.wasm']);
  expect((await download(page, 'export-items-md')).name).toBe('web-infra-evolution-gen2.ko.md');
  expect(tools, 'not fetched again').toHaveLength(2);
});

test.describe('the tools cannot be fetched', () => {
  test.use({ serviceWorkers: 'block', expectedErrors: /^Failed to load resource: net::ERR_FAILED$|Failed to fetch dynamically imported module/ });

  test('a clear message, and the next try works', async ({ page, app }) => {
    await page.route(/\/tools-[0-9a-f]{16}\.js$/, (route) => route.abort());
    await app.open('#/');
    await page.locator('details.export summary').click();
    await page.locator('[data-action="export-json"]').click();
    await expect(page.locator('#tools-status')).toHaveText('내보내기 도구를 불러오지 못했습니다. 연결을 확인하고 다시 해 보세요.', { useInnerText: true });
    await page.unroute(/\/tools-[0-9a-f]{16}\.js$/);
    expect((await download(page, 'export-json')).name).toBe('web-infra-evolution.json');
    await expect(page.locator('#tools-status')).toHaveText('파일을 내려받았습니다.', { useInnerText: true });
  });
});
