// Printing: the print edition (every generation in full and both tables, no controls), checked in Chromium's
// own PDF output through pdftotext -raw (poppler-utils; -raw keeps the drawing order, so bold runs and
// fallback-font glyphs such as "&" stay in place). The PDF, its text and its first pages as images are attached
// to the test's results (tests/e2e/artifacts/results/…).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';
import { GENERATIONS, words } from './content.mjs';

/** Controls that must not be printed, in each language. */
const CHROME = {
  ko: (w) => [w.ui.play, w.ui.toOverview, w.ui.theme, w.ui.skip, w.ui.otherLanguage, w.ui.themeSystem],
  en: (w) => [w.ui.play, w.ui.toOverview, w.ui.theme, w.ui.skip, w.ui.otherLanguage, w.ui.playAgain],
};

/** Spaces removed: a PDF breaks lines wherever the layout did, so phrases are compared without them. */
const squash = (s) => s.replace(/\s+/g, '');
const plain = (s) => s.replace(/\*\*/g, '');
const count = (hay, needle) => hay.split(needle).length - 1;

/** Prints the page to an A4 PDF; returns its text (pdftotext -raw) and page count, and attaches all three. */
async function printToPdf(page, name, testInfo) {
  const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } });
  const file = testInfo.outputPath(`${name}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const pages = Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)[1]);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, testInfo.outputPath(name)]);
  await testInfo.attach(`${name}.pdf`, { path: file, contentType: 'application/pdf' });
  await testInfo.attach(`${name}.txt`, { body: text, contentType: 'text/plain' });
  return { text, pages, bytes: pdf.length };
}

function checkPrintText(text, lang) {
  const w = words(lang);
  const other = lang === 'ko' ? 'en' : 'ko';
  const flat = squash(text);
  const missing = [];
  const need = (what, phrase) => { if (!flat.includes(squash(phrase))) missing.push(`${what}: ${JSON.stringify(phrase)}`); };
  for (const g of GENERATIONS) {
    need(`gen ${g.id} heading`, g.heading[lang]);
    // The post's English gloss belongs to its Korean heading; the English heading would only repeat it.
    if (lang === 'ko') need(`gen ${g.id} English name`, `(${g.english_name})`);
    // The page holds both languages: only the reader's is printed.
    if (flat.includes(squash(g.heading[other]))) missing.push(`gen ${g.id}: the other language's heading ${JSON.stringify(g.heading[other])} was printed too`);
    need(`gen ${g.id} overview's first words`, plain(g.overview[lang]).split(/\s+/).slice(0, 4).join(' '));
    need(`gen ${g.id} overview's last words`, plain(g.overview[lang]).split(/\s+/).slice(-3).join(' '));
    need(`gen ${g.id} pros`, g.pros[lang]);
    if (g.cons) need(`gen ${g.id} cons`, g.cons[lang]);
    for (const t of g.technologies) need(`gen ${g.id} technology`, t);
  }
  need('diagram table caption', w.diagramCaption);
  need('summary table caption', w.summaryCaption);
  // Every generation's section has its own 개요/특징/장점 (and gen 1 its 단점, gen 2–6 their 대표 기술).
  const spaced = text.replace(/\s+/g, ' ');
  const countOf = (label) => (lang === 'en' ? [...spaced.matchAll(new RegExp(`\\b${label}\\b`, 'g'))].length : count(flat, squash(label)));
  const counts = Object.fromEntries(Object.entries(w.sections).map(([k, label]) => [k, countOf(label)]));
  const atLeast = { overview: 6, features: 6, pros: 6, cons: GENERATIONS.filter((g) => g.cons).length, technologies: GENERATIONS.filter((g) => g.technologies.length).length };
  for (const [k, n] of Object.entries(atLeast)) if (counts[k] < n) missing.push(`"${w.sections[k]}" ${counts[k]}× (at least ${n} expected)`);
  const chrome = CHROME[lang](w).filter((c) => flat.includes(squash(c)));
  return { missing, chrome, counts };
}

test.use({ viewport: { width: 1280, height: 900 } });

for (const [lang, hash, name] of [['ko', '#/gen/2', 'print-ko-gen2'], ['en', '#/?lang=en', 'print-en-overview']]) {
  test(`print (${lang}, ${hash}): every generation in full and both tables, no controls, sensible page count`, async ({ page, app }, testInfo) => {
    const w = words(lang);
    // The print edition in the DOM under print media: six generations, each with its parts.
    await app.open(hash);
    // The app builds the print edition shortly after start-up, or at once on `beforeprint` (a reader's
    // Ctrl+P); emulateMedia fires no beforeprint, so dispatch one, as the browser does before printing.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const dom = await page.evaluate(() => {
      const shown = (el) => el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
      return {
        edition: shown(document.querySelector('section.print-edition')),
        articles: [...document.querySelectorAll('article.print-generation')].map((a) => ({
          gen: a.dataset.gen,
          shown: shown(a),
          // innerText: the words shown in print (the page holds both languages, one hidden).
          h3: [...a.querySelectorAll('h3')].map((h) => h.innerText.trim()),
          rows: [...a.querySelectorAll('table.items tbody th')].map((th) => th.innerText.trim()),
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
    for (const a of dom.articles) {
      if (!a.shown) problems.push(`DOM: generation ${a.gen} not shown in print`);
      if (JSON.stringify(a.h3) !== JSON.stringify([w.sections.overview, w.sections.features])) problems.push(`DOM: generation ${a.gen} sub-headings ${JSON.stringify(a.h3)}`);
      if (!a.rows.includes(w.sections.pros)) problems.push(`DOM: generation ${a.gen} has no ${w.sections.pros} row (${a.rows})`);
    }
    if (!dom.articles[0]?.rows.includes(w.sections.cons)) problems.push(`DOM: generation 1 has no ${w.sections.cons} row`);
    for (const h of dom.hidden.filter((x) => x.endsWith(':shown'))) problems.push(`DOM: control shown in print: ${h}`);
    if (JSON.stringify(dom.tables) !== '[true,true]') problems.push(`DOM: tables shown in print: ${JSON.stringify(dom.tables)}`);

    // The PDF Chromium prints, as a reader who prints a moment after the page appeared: after start-up, once the
    // app built the print edition (page.pdf() fires no `beforeprint`).
    await app.open(hash);
    await app.settle();
    await expect(page.locator('article.print-generation')).toHaveCount(6);
    const pdf = await printToPdf(page, name, testInfo);
    const r = checkPrintText(pdf.text, lang);
    testInfo.annotations.push({ type: 'pdf', description: `${name}.pdf: ${pdf.pages} A4 pages, ${pdf.bytes} bytes, ${squash(pdf.text).length} characters of text; label counts ${JSON.stringify(r.counts)}` });
    problems.push(...r.missing.map((m) => `PDF: missing ${m}`));
    problems.push(...r.chrome.map((c) => `PDF: interactive chrome printed: ${JSON.stringify(c)}`));
    if (pdf.pages < 3 || pdf.pages > 12) problems.push(`PDF: ${pdf.pages} pages (expected 3–12 for six generations and two tables)`);
    expect(problems, `${name}: print problems`).toEqual([]);
  });
}
