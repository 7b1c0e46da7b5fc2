#!/usr/bin/env node
// `make preview-image`: renders the link-preview image assets/og-image.png (1200×630) from the content, like
// scripts/icons.sh does for the icons. The PNG is committed: the build only copies it (index.html:
// rel="copy-file") and checks that it is current (build/steps/preview.mjs), so a build needs no browser.
// Run this after changing content/generations.toml or the layout in build/steps/preview.mjs, then commit
// assets/og-image.png.
//
// The page (previewPage() in build/steps/preview.mjs) is drawn by Debian's headless Chromium (the flags of the
// e2e tests; fonts-noto-cjk and fonts-noto-color-emoji for Hangul and emoji), then reduced here to a 256-colour
// palette (variance-based median cut, no dithering: flat fills and text) and written as an indexed PNG with a
// tEXt chunk holding the sha256 of that page, which is how the build and `node --test build/` tell a stale image.
//   node scripts/preview-image.mjs [OUT.png]    (default: assets/og-image.png)
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT } from '../tests/e2e/server.mjs';
import {
  PREVIEW_MAX_BYTES, PREVIEW_SIZE, PREVIEW_SOURCE, SOURCE_KEYWORD, imageProblems, pngInfo, previewPage, readContent,
  sourceHash,
} from '../build/steps/preview.mjs';

// ---- PNG ----------------------------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA pixels of an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's screenshots are). */
function decodePng(buf) {
  const { width, height, colorType } = pngInfo(buf);
  if (buf[24] !== 8 || buf[28] !== 0 || ![2, 6].includes(colorType)) throw new Error('expected an 8-bit, non-interlaced RGB(A) PNG');
  const idat = [];
  for (let at = 8; at < buf.length;) {
    const len = buf.readUInt32BE(at);
    if (buf.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const bpp = colorType === 6 ? 4 : 3;
  const stride = width * bpp;
  const px = Buffer.alloc(width * height * 4);
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? line[i - bpp] : 0;
      const b = prev[i];
      const c = i >= bpp ? prev[i - bpp] : 0;
      let add = 0;
      if (filter === 1) add = a;
      else if (filter === 2) add = b;
      else if (filter === 3) add = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[i] = (line[i] + add) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      px.set(line.subarray(x * bpp, x * bpp + 3), (y * width + x) * 4);
      px[(y * width + x) * 4 + 3] = bpp === 4 ? line[x * bpp + 3] : 255;
    }
    prev = line;
  }
  return { width, height, px };
}

/** An indexed (colour type 3) PNG with a tEXt chunk: each row unfiltered, deflated at level 9. */
function encodeIndexed({ width, height, palette, index, text }) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 3, 0, 0, 0], 8);
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) raw.set(index.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('PLTE', Buffer.from(palette.flat())),
    ...Object.entries(text).map(([k, v]) => chunk('tEXt', Buffer.from(`${k}\0${v}`, 'latin1'))),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9, memLevel: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- palette ------------------------------------------------------------------------------------------------

/**
 * Up to `size` colours for the opaque pixels `px` (RGBA): the histogram of distinct colours is cut into boxes,
 * always the box with the largest weighted variance, across its widest channel at the weighted median; each
 * box's weighted mean is a palette colour. Returns the palette and each pixel's index (nearest colour).
 */
function quantize(px, size = 256) {
  const counts = new Map();
  for (let i = 0; i < px.length; i += 4) {
    const key = (px[i] << 16) | (px[i + 1] << 8) | px[i + 2];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const colours = [...counts].map(([key, n]) => ({ c: [key >> 16, (key >> 8) & 0xff, key & 0xff], n, key }));
  const stats = (items) => {
    let n = 0;
    const sum = [0, 0, 0], sq = [0, 0, 0];
    for (const { c, n: w } of items) {
      n += w;
      for (let k = 0; k < 3; k++) { sum[k] += c[k] * w; sq[k] += c[k] * c[k] * w; }
    }
    const variance = [0, 1, 2].map((k) => sq[k] - (sum[k] * sum[k]) / n);
    return { items, n, mean: sum.map((s) => Math.round(s / n)), variance, total: variance[0] + variance[1] + variance[2] };
  };
  const boxes = [stats(colours)];
  while (boxes.length < size) {
    const box = boxes.filter((b) => b.items.length > 1).sort((a, b) => b.total - a.total)[0];
    if (!box || box.total === 0) break;
    const k = box.variance.indexOf(Math.max(...box.variance));
    const sorted = [...box.items].sort((a, b) => a.c[k] - b.c[k]);
    let acc = 0, cut = 1;
    for (; cut < sorted.length - 1; cut++) {
      acc += sorted[cut - 1].n;
      if (acc >= box.n / 2) break;
    }
    boxes.splice(boxes.indexOf(box), 1, stats(sorted.slice(0, cut)), stats(sorted.slice(cut)));
  }
  const palette = boxes.map((b) => b.mean);
  const nearest = new Map();
  for (const { c, key } of colours) {
    let best = 0, bestD = Infinity;
    palette.forEach((p, i) => {
      const d = 0.3 * (p[0] - c[0]) ** 2 + 0.59 * (p[1] - c[1]) ** 2 + 0.11 * (p[2] - c[2]) ** 2;
      if (d < bestD) { bestD = d; best = i; }
    });
    nearest.set(key, best);
  }
  const index = Buffer.alloc(px.length / 4);
  for (let i = 0; i < index.length; i++) index[i] = nearest.get((px[i * 4] << 16) | (px[i * 4 + 1] << 8) | px[i * 4 + 2]);
  return { palette, index, distinct: colours.length };
}

// ---- render -------------------------------------------------------------------------------------------------

async function render(html) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: PREVIEW_SIZE.width, height: PREVIEW_SIZE.height }, deviceScaleFactor: 1 });
    // Nothing may be fetched: the page is self-contained, and any request is a mistake.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const overflow = await page.evaluate(() => [...document.querySelectorAll('.label, .title, .title-en, header')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent));
    if (overflow.length) throw new Error(`text wider than its box: ${overflow.join(' | ')} (fix the layout in build/steps/preview.mjs)`);
    const outside = await page.evaluate(({ w, h, margin }) => [...document.querySelectorAll('body *')]
      .filter((el) => { const r = el.getBoundingClientRect(); return r.left < 0 || r.top < 0 || r.right > w || r.bottom > h - margin; })
      .map((el) => el.className || el.tagName), { w: PREVIEW_SIZE.width, h: PREVIEW_SIZE.height, margin: 8 });
    if (outside.length) throw new Error(`outside the ${PREVIEW_SIZE.width}x${PREVIEW_SIZE.height} frame: ${outside.join(', ')} (fix the layout in build/steps/preview.mjs)`);
    return await page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...PREVIEW_SIZE } });
  } finally {
    await browser.close();
  }
}

const out = resolve(process.argv[2] ?? join(ROOT, PREVIEW_SOURCE));
const content = readContent(ROOT);
const shot = await render(previewPage(content));
const { width, height, px } = decodePng(shot);
const { palette, index, distinct } = quantize(px);
const png = encodeIndexed({ width, height, palette, index, text: { [SOURCE_KEYWORD]: sourceHash(content) } });
writeFileSync(out, png);
const problems = imageProblems(readFileSync(out), content);
process.stdout.write(`${relative(process.cwd(), out)}: ${width}x${height}, ${distinct} colours → ${palette.length}, ${png.length} bytes (limit ${PREVIEW_MAX_BYTES})\n`);
if (problems.length) {
  process.stderr.write(`preview-image: ${problems.join('; ')}\n`);
  process.exitCode = 1;
}
