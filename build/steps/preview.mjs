// Step "preview": link previews. Open Graph and Twitter card <meta> tags in index.html, so that a shared link
// unfurls with a title, a description and a picture of the timeline in chat apps and social sites.
//  - The texts come from the content (content/generations.toml: the site's title and heading, the generations'
//    labels and titles) and from the page's own <meta name="description">; nothing else is said.
//  - og:url, og:image (with its size, type and alt text) and twitter:image must be absolute URLs, so they are
//    written only when the build is told where it will be published: SITE_URL=https://example.org/web-infra/
//    (the address of dist/'s index.html directory). Without it they are left out and dist/ works on any host and
//    under any sub-path, as before.
//  - The picture is assets/og-image.png (1200×630), a committed file Trunk copies (index.html: rel="copy-file"),
//    rendered from the content by `make preview-image` (scripts/preview-image.mjs) from previewPage() below. Its
//    tEXt chunk records the sha256 of the page it was rendered from: this step warns, and `node --test build/`
//    fails, when the content (or the layout here) changed since. It is no part of the first load: nothing in the
//    page loads it, and the service worker does not precache it (build/steps/pwa.mjs skips PREVIEW_IMAGE).
// Running the step again replaces the tags it wrote (and removes them when SITE_URL is gone).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { attr, element, elements, head, insertLineAfter, one, removeLine } from './html.mjs';

/** The preview image: its name in the build, its committed source, its size. */
export const PREVIEW_IMAGE = 'og-image.png';
export const PREVIEW_SOURCE = `assets/${PREVIEW_IMAGE}`;
export const PREVIEW_SIZE = { width: 1200, height: 630 };
/** The most the committed PNG may weigh (a palette image; `make preview-image` fails above it). */
export const PREVIEW_MAX_BYTES = 60 * 1024;
/** The one build setting: where dist/ is published (absolute http(s) URL of its directory). */
export const SITE_URL_ENV = 'SITE_URL';
/** The PNG tEXt keyword under which scripts/preview-image.mjs records what the image was rendered from. */
export const SOURCE_KEYWORD = 'web-infra-evolution:source';

export const readContent = (root) => parseToml(readFileSync(join(root, 'content/generations.toml'), 'utf8'));

/**
 * The value of SITE_URL as the base for og:url and og:image: null when unset or empty; an absolute http(s) URL
 * that ends with '/' (a directory: dist/ is published as one). Anything else stops the build.
 */
export function siteUrl(value) {
  if (value == null || value.trim() === '') return null;
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`${SITE_URL_ENV}="${value}" is not an absolute URL (e.g. ${SITE_URL_ENV}=https://example.org/web-infra/)`);
  }
  if (!['http:', 'https:'].includes(url.protocol)) throw new Error(`${SITE_URL_ENV}="${value}": only http: and https: URLs`);
  if (url.search || url.hash || url.username || url.password) throw new Error(`${SITE_URL_ENV}="${value}": no query, fragment or credentials`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

const both = (t, sep = ' · ') => `${t.ko}${sep}${t.en}`;

/** The alt text of the image: what it shows, in both languages, from the same content. */
export function imageAlt(content) {
  const chain = (lang) => content.generation.map((g) => `${g.label[lang]} ${g.node_title[lang]}`).join(' → ');
  return `${content.site.heading.ko}: ${chain('ko')}. ${content.site.heading.en}: ${chain('en')}.`;
}

/**
 * The tags, in order: [attribute, key, value], attribute being `property` (Open Graph) or `name` (Twitter).
 * `description` is the page's <meta name="description"> (Korean, then English); `base` is siteUrl()'s result or
 * null, in which case no tag carries a URL.
 */
export function previewTags({ content, description, base }) {
  const { site } = content;
  const tags = [
    ['property', 'og:type', 'website'],
    ['property', 'og:site_name', both(site.title)],
    ['property', 'og:title', both(site.heading)],
    ['property', 'og:description', description],
    ['property', 'og:locale', 'ko_KR'],
    ['property', 'og:locale:alternate', 'en_US'],
  ];
  if (base) {
    const image = new URL(PREVIEW_IMAGE, base).href;
    tags.push(
      ['property', 'og:url', base],
      ['property', 'og:image', image],
      ['property', 'og:image:type', 'image/png'],
      ['property', 'og:image:width', String(PREVIEW_SIZE.width)],
      ['property', 'og:image:height', String(PREVIEW_SIZE.height)],
      ['property', 'og:image:alt', imageAlt(content)],
    );
  }
  tags.push(['name', 'twitter:card', 'summary_large_image']);
  if (base) tags.push(['name', 'twitter:image', new URL(PREVIEW_IMAGE, base).href], ['name', 'twitter:image:alt', imageAlt(content)]);
  return tags;
}

/** A preview tag (one this step writes: og:… or twitter:…). */
const isPreviewTag = (el) => /^og:/.test(attr(el, 'property') ?? '') || /^twitter:/.test(attr(el, 'name') ?? '');

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The page the image is rendered from (1200×630, by scripts/preview-image.mjs in headless Chromium): the title,
 * then the post's flowchart as the app draws it, two rows of three (site.rows), each generation a pill in its fill
 * and stroke with its emoji and label, its title in Korean and below it in English. Only fonts of the machine
 * (Noto Sans CJK, Noto Color Emoji); nothing is fetched.
 */
export function previewPage(content) {
  const { site, generation } = content;
  const { width, height } = PREVIEW_SIZE;
  const arrow = (dir) => `<svg class="arrow ${dir}" viewBox="0 0 40 16" aria-hidden="true"><path d="M2 8H31"/><path class="head" d="M30 2 40 8 30 14Z"/></svg>`;
  const pill = (g) => `<li class="pill" style="background:${g.fill};border-color:${g.stroke}">` +
    `<p class="label"><span class="emoji">${esc(g.emoji)}</span> ${esc(g.label.ko)} <span class="en">· ${esc(g.label.en)}</span></p>` +
    `<p class="title" lang="ko">${esc(g.node_title.ko)}</p>` +
    `<p class="title-en" lang="en">${esc(g.node_title.en)}</p></li>`;
  const row = (r, i) => {
    const gens = generation.slice(i * 3, i * 3 + 3);
    return `<section class="row"><h2>${esc(r.ko)} <span class="en">· ${esc(r.en)}</span></h2><ol>` +
      gens.map((g, j) => (j ? `<li class="gap">${arrow('right')}</li>` : '') + pill(g)).join('') + '</ol></section>';
  };
  return `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>${esc(site.title.ko)}</title>
<style>
* { box-sizing: border-box; margin: 0; padding: 0; }
html, body { width: ${width}px; height: ${height}px; overflow: hidden; }
body { background: #ffffff; color: #1f2328; font-family: "Noto Sans CJK KR", sans-serif; padding: 22px 36px 0; }
.emoji { font-family: "Noto Color Emoji"; font-weight: 400; }
header { display: flex; align-items: baseline; gap: 18px; margin-bottom: 12px; }
h1 { font-size: 46px; font-weight: 700; line-height: 1.1; letter-spacing: -0.5px; }
header .en { font-size: 30px; font-weight: 500; color: #3d444d; }
header .date { margin-left: auto; font-size: 22px; color: #57606a; }
.row { border: 2px solid #d0d7de; border-radius: 14px; padding: 8px 14px 14px; }
.row h2 { font-size: 20px; font-weight: 500; color: #57606a; text-align: center; line-height: 1.3; margin-bottom: 5px; }
.row .en { color: #57606a; }
ol { list-style: none; display: flex; align-items: stretch; }
.pill { flex: 1 1 0; min-width: 0; height: 184px; border: 3px solid; border-radius: 46px; padding: 10px 14px;
  display: flex; flex-direction: column; align-items: center; justify-content: center; text-align: center; color: #222222; }
.pill p { max-width: 100%; }
.label { font-size: 22px; font-weight: 700; line-height: 1.35; white-space: nowrap; }
.label .emoji { font-size: 29px; }
.label .en { font-weight: 500; color: #3d444d; }
.title { font-size: 30px; font-weight: 700; line-height: 1.2; word-break: keep-all; letter-spacing: -0.3px; }
.title-en { font-size: 22px; font-weight: 500; line-height: 1.2; color: #3d444d; margin-top: 3px; }
.gap { flex: 0 0 42px; display: flex; align-items: center; justify-content: center; }
.arrow { width: 34px; height: 16px; }
.arrow path { stroke: #24292f; stroke-width: 2.5; fill: none; }
.arrow .head { fill: #24292f; stroke: none; }
.down { display: flex; justify-content: center; height: 28px; }
.down svg { width: 28px; height: 28px; transform: rotate(90deg); }
</style></head>
<body>
<header><h1>${esc(site.title.ko)}</h1><span class="en" lang="en">${esc(site.title.en)}</span><span class="date">${esc(site.date)}</span></header>
${row(site.rows[0], 0)}
<div class="down">${arrow('down').replace('viewBox="0 0 40 16"', 'viewBox="0 -12 40 40"')}</div>
${row(site.rows[1], 1)}
</body></html>
`;
}

/** sha256 (hex) of the page the image is rendered from: what the committed PNG records. */
export const sourceHash = (content) => createHash('sha256').update(previewPage(content)).digest('hex');

/** What a PNG says about itself: width, height, colour type and its tEXt chunks; throws if it is no PNG. */
export function pngInfo(buf) {
  const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 33 || !buf.subarray(0, 8).equals(SIGNATURE) || buf.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  const info = { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), colorType: buf[25], text: {} };
  for (let at = 8; at + 8 <= buf.length;) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + len);
    if (type === 'tEXt') {
      const nul = data.indexOf(0);
      info.text[data.toString('latin1', 0, nul)] = data.toString('latin1', nul + 1);
    }
    if (type === 'IEND') break;
    at += 12 + len;
  }
  return info;
}

/** What is wrong with a preview image for this content (empty: nothing). */
export function imageProblems(buf, content) {
  let info;
  try {
    info = pngInfo(buf);
  } catch (e) {
    return [`${PREVIEW_IMAGE}: ${e.message}`];
  }
  const problems = [];
  if (info.width !== PREVIEW_SIZE.width || info.height !== PREVIEW_SIZE.height) {
    problems.push(`${PREVIEW_IMAGE} is ${info.width}x${info.height}, not ${PREVIEW_SIZE.width}x${PREVIEW_SIZE.height}`);
  }
  if (buf.length > PREVIEW_MAX_BYTES) problems.push(`${PREVIEW_IMAGE} is ${buf.length} bytes, over ${PREVIEW_MAX_BYTES}`);
  if (info.text[SOURCE_KEYWORD] !== sourceHash(content)) {
    problems.push(`${PREVIEW_IMAGE} was not rendered from the current content/generations.toml (or layout): run \`make preview-image\` and commit ${PREVIEW_SOURCE}`);
  }
  return problems;
}

export function preview({ doc, dir, root, siteUrl: setting = null, warn }) {
  const base = siteUrl(setting);
  const content = readContent(root);
  const imagePath = join(dir, PREVIEW_IMAGE);
  if (!existsSync(imagePath)) throw new Error(`no ${PREVIEW_IMAGE} in the build (index.html: <link data-trunk rel="copy-file" href="${PREVIEW_SOURCE}">)`);
  for (const p of imageProblems(readFileSync(imagePath), content)) warn(p);

  const h = head(doc);
  const description = one(h, 'meta', (el) => attr(el, 'name') === 'description', '<meta name="description"> (the source of og:description)');
  for (const el of elements(h, 'meta', isPreviewTag)) removeLine(el);
  const tags = previewTags({ content, description: attr(description, 'content'), base });
  for (const [kind, key, value] of [...tags].reverse()) insertLineAfter(element('meta', { [kind]: key, content: value }), description);
  return `${tags.length} Open Graph / Twitter tags${base ? ` for ${base}` : ` (no ${SITE_URL_ENV}: no og:url, og:image)`}`;
}
