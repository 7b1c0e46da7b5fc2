// Link previews: the Open Graph / Twitter card tags of the BUILT page, as a chat app's or social site's crawler reads
// them, and the preview image (build/steps/preview.mjs, assets/og-image.png). The suite tests a build made without
// SITE_URL (`make build`); the SITE_URL case is the same build finished again with it, as a deploy would make it.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, finishBuild } from './fixtures.mjs';
import { DIST, SINGLE } from './server.mjs';
import { GENERATIONS, SITE } from './content.mjs';
import { attr, elements, head, readPage } from '../../build/steps/html.mjs';

const IMAGE = 'og-image.png';
/** Keys whose value is a URL, or is about the image a URL names: only with SITE_URL. */
const URL_KEYS = ['og:url', 'og:image', 'og:image:type', 'og:image:width', 'og:image:height', 'og:image:alt', 'twitter:image', 'twitter:image:alt'];

/** The page's <head> metas: og:… by property, everything else by name (`[key, content]` in document order). */
function metas(file) {
  return elements(head(readPage(file)), 'meta', (el) => attr(el, 'property') || attr(el, 'name'))
    .map((el) => [attr(el, 'property') ?? attr(el, 'name'), attr(el, 'content')]);
}
const previewTags = (file) => Object.fromEntries(metas(file).filter(([k]) => /^(og|twitter):/.test(k)));

/** What a PNG's first bytes say: a PNG signature, then IHDR with width and height. */
function pngSize(buf) {
  const signature = buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { png: signature && buf.toString('latin1', 12, 16) === 'IHDR', width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** The page without its preview tags (whole lines): what must not change when the tags do. */
const withoutTags = (html) => html.replace(/\n[ \t]*<meta (property="og:|name="twitter:)[^>]*>/g, '');

function expectContentTags(tags, where) {
  const description = Object.fromEntries(metas(join(DIST, 'index.html')))['description'];
  expect(tags['og:type'], where).toBe('website');
  expect(tags['og:site_name'], `${where}: site name, both languages`).toBe(`${SITE.title.ko} · ${SITE.title.en}`);
  expect(tags['og:title'], `${where}: title, both languages`).toBe(`${SITE.heading.ko} · ${SITE.heading.en}`);
  expect(tags['og:description'], `${where}: the page's description`).toBe(description);
  expect(tags['og:description'], `${where}: description in Korean, then English`).toMatch(/^[^A-Za-z]*[가-힣][^]*\. [A-Z][a-z]/);
  expect(tags['og:locale'], where).toBe('ko_KR');
  expect(tags['og:locale:alternate'], where).toBe('en_US');
  expect(tags['twitter:card'], where).toBe('summary_large_image');
}

test('the built page and the single file: Open Graph and Twitter tags from the content, and no URL without SITE_URL', () => {
  const tags = previewTags(join(DIST, 'index.html'));
  expectContentTags(tags, 'dist/index.html');
  expect(URL_KEYS.filter((k) => k in tags), 'built without SITE_URL (make build): no og:url, og:image, twitter:image').toEqual([]);
  expect(Object.values(tags).join(' '), 'no URL of any kind').not.toMatch(/https?:|\.png|\.\//);
  expect(previewTags(SINGLE), 'the single file carries the same tags').toEqual(tags);
});

test(`the image: dist/${IMAGE} is a 1200x630 PNG, served as image/png, outside the first load and the service worker's list`, async ({ page, app, site }) => {
  const file = readFileSync(join(DIST, IMAGE));
  expect(pngSize(file)).toEqual({ png: true, width: 1200, height: 630 });
  expect(file.length, 'small (a palette image)').toBeLessThanOrEqual(60 * 1024);
  const res = await fetch(site.url + IMAGE);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/png');
  expect(Buffer.from(await res.arrayBuffer()).equals(file), 'served as built').toBe(true);

  // Nothing in the page loads it, and the service worker does not precache it.
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  expect(html, 'the page does not name it (without SITE_URL)').not.toContain(IMAGE);
  const files = JSON.parse(/^const FILES = (\{.*\});$/m.exec(readFileSync(join(DIST, 'sw.js'), 'utf8'))[1]);
  expect(Object.keys(files), 'sw.js precaches the app').toContain('index.html');
  expect(Object.keys(files), 'but not the preview image').not.toContain(IMAGE);
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  await app.open();
  expect(requested.length, 'the page loaded its files').toBeGreaterThan(3);
  expect(requested.filter((u) => u.includes(IMAGE)), 'the first load does not fetch the image').toEqual([]);
});

test('with SITE_URL: og:url and og:image absolute, leading to the page and the 1200x630 PNG; CSP and SRI untouched', async ({ site }) => {
  const dir = join(mkdtempSync(join(tmpdir(), 'e2e-preview-')), 'dist');
  try {
    cpSync(DIST, dir, { recursive: true });
    // The served build is the same app: its address is the SITE_URL of this copy.
    finishBuild(dir, { SITE_URL: site.url });
    const built = readFileSync(join(DIST, 'index.html'), 'utf8');
    const withUrl = readFileSync(join(dir, 'index.html'), 'utf8');
    const tags = previewTags(join(dir, 'index.html'));
    expectContentTags(tags, 'with SITE_URL');
    expect(tags['og:url']).toBe(site.url);
    expect(tags['og:image']).toBe(`${site.url}${IMAGE}`);
    expect(tags['twitter:image']).toBe(tags['og:image']);
    expect([tags['og:image:type'], tags['og:image:width'], tags['og:image:height']]).toEqual(['image/png', '1200', '630']);
    for (const g of GENERATIONS) {
      for (const lang of ['ko', 'en']) expect(tags['og:image:alt'], 'alt text: every generation in both languages').toContain(g.node_title[lang]);
    }
    expect(tags['twitter:image:alt']).toBe(tags['og:image:alt']);

    // A crawler follows them: the page, and the image (type and size from its bytes).
    const pageRes = await fetch(tags['og:url']);
    expect(pageRes.status).toBe(200);
    expect(pageRes.headers.get('content-type')).toMatch(/^text\/html/);
    const imageRes = await fetch(tags['og:image']);
    expect(imageRes.status).toBe(200);
    expect(imageRes.headers.get('content-type')).toBe('image/png');
    expect(pngSize(Buffer.from(await imageRes.arrayBuffer()))).toEqual({ png: true, width: 1200, height: 630 });

    // Only the tags differ: the CSP <meta>, every integrity value and the rest of the page are as built.
    expect(withoutTags(withUrl), 'the page apart from its preview tags').toBe(withoutTags(built));
    expect(withUrl).not.toBe(built);
    // And finishing again without SITE_URL gives the default build back, byte for byte.
    finishBuild(dir, { SITE_URL: '' });
    expect(readFileSync(join(dir, 'index.html'), 'utf8'), 'SITE_URL unset again').toBe(built);
  } finally {
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
});
