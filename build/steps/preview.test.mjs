// Unit tests of the link-preview step (build/steps/preview.mjs) and of the committed preview image.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'parse5';
import { attr, elements, serialize } from './html.mjs';
import {
  PREVIEW_IMAGE, PREVIEW_MAX_BYTES, PREVIEW_SOURCE, imageProblems, pngInfo, preview, previewTags, readContent, siteUrl,
  sourceHash,
} from './preview.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CONTENT = readContent(ROOT);
const DESCRIPTION = '한국어 설명. An English description.';

const page = () => parse(`<!doctype html><html lang="ko"><head>\n  <meta charset="utf-8">\n  <title>t</title>\n  <meta name="description" content="${DESCRIPTION}">\n  <link rel="icon" href="./icon.svg">\n</head><body></body></html>`);
/** The preview tags of a page: { key: value } (og:… by property, twitter:… by name), in document order. */
const tagsOf = (doc) => Object.fromEntries(elements(doc, 'meta', (el) => attr(el, 'property') || /^twitter:/.test(attr(el, 'name') ?? ''))
  .map((el) => [attr(el, 'property') ?? attr(el, 'name'), attr(el, 'content')]));
const URL_KEYS = ['og:url', 'og:image', 'og:image:type', 'og:image:width', 'og:image:height', 'og:image:alt', 'twitter:image', 'twitter:image:alt'];

function withBuild(fn) {
  const dir = mkdtempSync(join(tmpdir(), 'preview-test-'));
  try {
    copyFileSync(join(ROOT, PREVIEW_SOURCE), join(dir, PREVIEW_IMAGE));
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true });
  }
}

test('SITE_URL: unset or empty is none; an absolute http(s) URL becomes a directory URL; anything else stops the build', () => {
  assert.equal(siteUrl(undefined), null);
  assert.equal(siteUrl(null), null);
  assert.equal(siteUrl('  '), null);
  assert.equal(siteUrl('https://example.org'), 'https://example.org/');
  assert.equal(siteUrl('https://example.org/a/web-infra'), 'https://example.org/a/web-infra/');
  assert.equal(siteUrl(' http://127.0.0.1:8080/web-infra/ '), 'http://127.0.0.1:8080/web-infra/');
  for (const bad of ['./', '/web-infra/', 'example.org/web-infra/', 'ftp://example.org/', 'https://example.org/?x=1', 'https://example.org/#top']) {
    assert.throws(() => siteUrl(bad), /SITE_URL/, bad);
  }
});

test('tags without SITE_URL: title, description, locales, type, site name and card from the content; no URL at all', () => {
  const tags = Object.fromEntries(previewTags({ content: CONTENT, description: DESCRIPTION, base: null }).map(([, k, v]) => [k, v]));
  assert.deepEqual(tags, {
    'og:type': 'website',
    'og:site_name': `${CONTENT.site.title.ko} · ${CONTENT.site.title.en}`,
    'og:title': `${CONTENT.site.heading.ko} · ${CONTENT.site.heading.en}`,
    'og:description': DESCRIPTION,
    'og:locale': 'ko_KR',
    'og:locale:alternate': 'en_US',
    'twitter:card': 'summary_large_image',
  });
});

test('tags with SITE_URL: og:url and the image absolute, under the sub-path, with size, type and alt text in both languages', () => {
  const list = previewTags({ content: CONTENT, description: DESCRIPTION, base: siteUrl('https://example.org/a/b/web-infra') });
  const tags = Object.fromEntries(list.map(([, k, v]) => [k, v]));
  assert.equal(tags['og:url'], 'https://example.org/a/b/web-infra/');
  assert.equal(tags['og:image'], 'https://example.org/a/b/web-infra/og-image.png');
  assert.equal(tags['twitter:image'], tags['og:image']);
  assert.equal(tags['og:image:type'], 'image/png');
  assert.deepEqual([tags['og:image:width'], tags['og:image:height']], ['1200', '630']);
  assert.equal(tags['twitter:image:alt'], tags['og:image:alt']);
  for (const g of CONTENT.generation) {
    for (const lang of ['ko', 'en']) assert.ok(tags['og:image:alt'].includes(`${g.label[lang]} ${g.node_title[lang]}`), `alt text names ${g.label[lang]}`);
  }
  assert.ok(tags['og:image:alt'].length <= 420, 'alt text within X/Twitter\'s 420 characters');
  // Open Graph by property, Twitter by name; structured properties right after og:image.
  for (const [kind, key] of list) assert.equal(kind, key.startsWith('og:') ? 'property' : 'name');
  const keys = list.map(([, k]) => k);
  assert.deepEqual(keys.slice(keys.indexOf('og:image'), keys.indexOf('og:image') + 5), ['og:image', 'og:image:type', 'og:image:width', 'og:image:height', 'og:image:alt']);
});

test('step: tags after <meta name="description">; with SITE_URL absolute; run again without it they go; idempotent', () => withBuild((dir) => {
  const warnings = [];
  const ctx = { doc: page(), dir, root: ROOT, warn: (w) => warnings.push(w) };
  assert.match(preview({ ...ctx }), /no SITE_URL/);
  const without = serialize(ctx.doc);
  assert.match(without, /<meta name="description" content="[^"]*">\n {2}<meta property="og:type" content="website">\n {2}<meta property="og:site_name"/);
  assert.ok(!URL_KEYS.some((k) => k in tagsOf(ctx.doc)), 'no URL tags without SITE_URL');
  assert.doesNotMatch(without, /https?:/);

  preview({ ...ctx, siteUrl: 'https://example.org/web-infra/' });
  const withUrl = serialize(ctx.doc);
  const tags = tagsOf(ctx.doc);
  assert.equal(tags['og:url'], 'https://example.org/web-infra/');
  assert.equal(tags['og:image'], 'https://example.org/web-infra/og-image.png');
  assert.equal(tags['twitter:image'], 'https://example.org/web-infra/og-image.png');
  assert.equal(tags['og:description'], DESCRIPTION);
  assert.equal(withUrl.match(/property="og:title"/g).length, 1, 'each tag once');
  preview({ ...ctx, siteUrl: 'https://example.org/web-infra/' });
  assert.equal(serialize(ctx.doc), withUrl, 'a second run changes nothing');

  preview({ ...ctx, siteUrl: null });
  assert.equal(serialize(ctx.doc), without, 'without SITE_URL again: the URL tags are gone');
  assert.deepEqual(warnings, [], 'the committed image is current');
}));

test('step: a missing image or description stops the build; a bad SITE_URL too', () => {
  const dir = mkdtempSync(join(tmpdir(), 'preview-test-'));
  try {
    assert.throws(() => preview({ doc: page(), dir, root: ROOT, warn: () => {} }), /og-image\.png.*copy-file/);
  } finally {
    rmSync(dir, { recursive: true });
  }
  withBuild((d) => {
    const noDescription = parse('<!doctype html><html><head><title>t</title></head><body></body></html>');
    assert.throws(() => preview({ doc: noDescription, dir: d, root: ROOT, warn: () => {} }), /name="description"/);
    assert.throws(() => preview({ doc: page(), dir: d, root: ROOT, siteUrl: '/web-infra/', warn: () => {} }), /SITE_URL/);
  });
});

test(`the committed ${PREVIEW_SOURCE}: a 1200x630 palette PNG under ${PREVIEW_MAX_BYTES} bytes, rendered from the current content`, () => {
  const png = readFileSync(join(ROOT, PREVIEW_SOURCE));
  const info = pngInfo(png);
  assert.deepEqual([info.width, info.height], [1200, 630]);
  assert.equal(info.colorType, 3, 'indexed colour (palette)');
  assert.ok(png.length <= PREVIEW_MAX_BYTES, `${png.length} bytes`);
  assert.deepEqual(imageProblems(png, CONTENT), [], 'run `make preview-image` and commit the image');
});

test('a changed content makes the image stale: title, a generation\'s colour, emoji or English title', () => {
  const png = readFileSync(join(ROOT, PREVIEW_SOURCE));
  const edits = [
    (c) => { c.site.title.en = 'Web Infrastructure'; },
    (c) => { c.generation[2].fill = '#eefaef'; },
    (c) => { c.generation[4].emoji = '⛅'; },
    (c) => { c.generation[5].node_title.en = 'Edge Era'; },
  ];
  for (const edit of edits) {
    const changed = structuredClone(CONTENT);
    edit(changed);
    assert.notEqual(sourceHash(changed), sourceHash(CONTENT));
    assert.match(imageProblems(png, changed).join('\n'), /make preview-image/);
  }
  // In a build, a stale image is a warning (the build goes on; `make test-build` fails on the test above).
  withBuild((dir) => {
    const hash = sourceHash(CONTENT);
    writeFileSync(join(dir, PREVIEW_IMAGE), Buffer.from(png.toString('latin1').replace(hash, '0'.repeat(hash.length)), 'latin1'));
    const warnings = [];
    preview({ doc: page(), dir, root: ROOT, warn: (w) => warnings.push(w) });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /not rendered from the current content.*make preview-image/);
  });
  assert.deepEqual(imageProblems(Buffer.from('not a png'), CONTENT), [`${PREVIEW_IMAGE}: not a PNG`]);
});
