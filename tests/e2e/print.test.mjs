// Printing: the print edition (every generation in full and both tables, no controls), checked in Chromium's
// own PDF output through pdftotext -raw (poppler-utils; -raw keeps the drawing order, so bold runs and
// fallback-font glyphs such as "&" stay in place). PDFs and page images go to tests/e2e/artifacts/.
// Run from the repository root: node --test --test-concurrency=1 tests/e2e/print.test.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServer, appTest, open, settle, artifacts, expectNone, WORDS, ROOT } from './support.mjs';

const env = useServer();

/**
 * What content/generations.toml says of each generation, read with a few regular expressions (the file's
 * format is fixed and checked at build time): heading, overview, pros, cons, technologies, in both languages.
 */
function generationsFromToml() {
  const toml = readFileSync(join(ROOT, 'content/generations.toml'), 'utf8');
  const blocks = toml.split(/^\[\[generation\]\]\s*$/m).slice(1);
  const pair = (block, key) => {
    const m = block.match(new RegExp(`^${key.replace('.', '\\.')} = \\{ ko = "((?:[^"\\\\]|\\\\.)*)", en = "((?:[^"\\\\]|\\\\.)*)" \\}`, 'm'));
    return m ? { ko: m[1], en: m[2] } : null;
  };
  const long = (block, key) => ({
    ko: block.match(new RegExp(`^${key}\\.ko = "((?:[^"\\\\]|\\\\.)*)"`, 'm'))[1],
    en: block.match(new RegExp(`^${key}\\.en = "((?:[^"\\\\]|\\\\.)*)"`, 'm'))[1],
  });
  return blocks.map((b) => ({
    id: Number(b.match(/^id = (\d+)/m)[1]),
    heading: pair(b, 'heading'),
    englishName: b.match(/^english_name = "([^"]+)"/m)[1],
    overview: long(b, 'overview'),
    pros: pair(b, 'pros'),
    cons: pair(b, 'cons'),
    technologies: [...b.match(/^technologies = \[([^\]]*)\]/m)[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]),
  }));
}
const GENERATIONS = generationsFromToml();

const LABELS = {
  ko: { overview: '개요', features: '특징', pros: '장점', cons: '단점', technologies: '대표 기술', chrome: [WORDS.ko.play, WORDS.ko.toOverview, WORDS.ko.theme, WORDS.ko.skip, 'English', '시스템 설정'] },
  en: { overview: 'Overview', features: 'Features', pros: 'Advantages', cons: 'Disadvantages', technologies: 'Key technologies', chrome: [WORDS.en.play, WORDS.en.toOverview, WORDS.en.theme, WORDS.en.skip, '한국어', 'Play again'] },
};

/** Spaces removed: a PDF breaks lines wherever the layout did, so phrases are compared without them. */
const squash = (s) => s.replace(/\s+/g, '');
const firstWords = (text, n) => text.replace(/\*\*/g, '').split(/\s+/).slice(0, n).join(' ');
const count = (hay, needle) => hay.split(needle).length - 1;

async function printToPdf(page, hash, name) {
  await page.goto('about:blank');
  await open(page, env.server.url, hash);
  await settle(page);
  // The app builds the print edition shortly after start-up (or on `beforeprint`, which page.pdf() does not
  // fire): wait for it as a reader who prints a moment after the page appeared.
  await page.waitForFunction(() => document.querySelectorAll('article.print-generation').length === 6);
  const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } });
  const dir = artifacts();
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const pages = Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)[1]);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, join(dir, name)]);
  return { file, text, pages, bytes: pdf.length };
}

function checkPrintText(text, lang) {
  const flat = squash(text);
  const L = LABELS[lang];
  const missing = [];
  const need = (what, phrase) => { if (!flat.includes(squash(phrase))) missing.push(`${what}: ${JSON.stringify(phrase)}`); };
  for (const g of GENERATIONS) {
    need(`gen ${g.id} heading`, g.heading[lang]);
    need(`gen ${g.id} English name`, `(${g.englishName})`);
    need(`gen ${g.id} overview's first words`, firstWords(g.overview[lang], 4));
    need(`gen ${g.id} overview's last words`, g.overview[lang].replace(/\*\*/g, '').split(/\s+/).slice(-3).join(' '));
    need(`gen ${g.id} pros`, g.pros[lang]);
    if (g.cons) need(`gen ${g.id} cons`, g.cons[lang]);
    for (const t of g.technologies) need(`gen ${g.id} technology`, t);
  }
  need('diagram table caption', WORDS[lang].diagramCaption);
  need('summary table caption', WORDS[lang].summaryCaption);
  // Every generation's section has its own 개요/특징/장점 (and gen 1 its 단점, gen 2–6 their 대표 기술).
  const words = lang === 'en' ? text.replace(/\s+/g, ' ') : flat;
  const countOf = (label) => (lang === 'en' ? [...words.matchAll(new RegExp(`\\b${label}\\b`, 'g'))].length : count(words, squash(label)));
  const counts = Object.fromEntries(['overview', 'features', 'pros', 'cons', 'technologies'].map((k) => [k, countOf(L[k])]));
  if (counts.overview < 6) missing.push(`"${L.overview}" ${counts.overview}× (one per generation expected)`);
  if (counts.features < 6) missing.push(`"${L.features}" ${counts.features}×`);
  if (counts.pros < 6) missing.push(`"${L.pros}" ${counts.pros}×`);
  if (counts.cons < 1) missing.push(`"${L.cons}" ${counts.cons}×`);
  if (counts.technologies < 5) missing.push(`"${L.technologies}" ${counts.technologies}×`);
  const chrome = L.chrome.filter((c) => flat.includes(squash(c)));
  return { missing, chrome, counts };
}

for (const [lang, hash, name] of [['ko', '#/gen/2', 'print-ko-gen2'], ['en', '#/?lang=en', 'print-en-overview']]) {
  appTest(env, `print (${lang}, ${hash}): every generation in full and both tables, no controls, sensible page count`, {
    context: { viewport: { width: 1280, height: 900 } },
  }, async ({ page }) => {
    // The print edition in the DOM under print media: six generations, each with its parts.
    await page.goto('about:blank');
    await open(page, env.server.url, hash);
    // The app builds the print edition shortly after start-up, or at once on `beforeprint` (a reader's
    // Ctrl+P); emulateMedia fires no beforeprint, so dispatch one, as the browser does before printing.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const dom = await page.evaluate(() => {
      const shown = (el) => el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
      const ed = document.querySelector('section.print-edition');
      return {
        edition: shown(ed),
        articles: [...document.querySelectorAll('article.print-generation')].map((a) => ({
          gen: a.dataset.gen,
          shown: shown(a),
          heading: a.querySelector('h2')?.textContent.trim(),
          h3: [...a.querySelectorAll('h3')].map((h) => h.textContent.trim()),
          rows: [...a.querySelectorAll('table.items tbody th')].map((th) => th.textContent.trim()),
        })),
        hidden: ['a.skip-link', '.settings', 'button.play-button', '.detail-nav', '.stage']
          .filter((s) => document.querySelector(s))
          .map((s) => `${s}:${shown(document.querySelector(s)) ? 'shown' : 'hidden'}`),
        tables: [...document.querySelectorAll('table.gen-table')].map((t) => shown(t)),
      };
    });
    await page.emulateMedia({ media: null }); // (a forced 'screen' would also apply to page.pdf())
    const problems = [];
    if (!dom.edition) problems.push('DOM: section.print-edition is not shown in print');
    if (dom.articles.length !== 6) problems.push(`DOM: ${dom.articles.length} article.print-generation, expected 6`);
    const L = LABELS[lang];
    for (const a of dom.articles) {
      if (!a.shown) problems.push(`DOM: generation ${a.gen} not shown in print`);
      if (JSON.stringify(a.h3) !== JSON.stringify([L.overview, L.features])) problems.push(`DOM: generation ${a.gen} sub-headings ${JSON.stringify(a.h3)}`);
      if (!a.rows.includes(L.pros)) problems.push(`DOM: generation ${a.gen} has no ${L.pros} row (${a.rows})`);
    }
    if (!dom.articles[0]?.rows.includes(L.cons)) problems.push(`DOM: generation 1 has no ${L.cons} row`);
    for (const h of dom.hidden.filter((x) => x.endsWith(':shown'))) problems.push(`DOM: control shown in print: ${h}`);
    if (JSON.stringify(dom.tables) !== '[true,true]') problems.push(`DOM: tables shown in print: ${JSON.stringify(dom.tables)}`);

    // The PDF Chromium prints.
    const pdf = await printToPdf(page, hash, name);
    writeFileSync(join(artifacts(), `${name}.txt`), pdf.text);
    const r = checkPrintText(pdf.text, lang);
    console.log(`${name}.pdf: ${pdf.pages} A4 pages, ${pdf.bytes} bytes, ${squash(pdf.text).length} characters of text; label counts ${JSON.stringify(r.counts)}`);
    problems.push(...r.missing.map((m) => `PDF: missing ${m}`));
    problems.push(...r.chrome.map((c) => `PDF: interactive chrome printed: ${JSON.stringify(c)}`));
    if (pdf.pages < 3 || pdf.pages > 12) problems.push(`PDF: ${pdf.pages} pages (expected 3–12 for six generations and two tables)`);
    expectNone(problems, `${name}: print problems`);
  });
}
