// axe-core (WCAG 2.0–2.2 A/AA) in the page, for matrix.test.mjs and compare.test.mjs: one way to run it and one
// list of the "needs review" results that are not a problem.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_VERSION = require('axe-core/package.json').version;
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it is; returns violations and incomplete results, trimmed for reporting. */
export async function runAxe(page) {
  // Evaluated over the DevTools protocol, which the app's CSP does not govern: the page's CSP stays in force
  // (and watched by the fixture) while axe runs.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations', 'incomplete'],
    });
    const trim = (list) => list.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        summary: (n.failureSummary || [...n.any, ...n.all, ...n.none].map((c) => c.message).join('; ')).replace(/\s+/g, ' '),
      })),
    }));
    return { violations: trim(r.violations), incomplete: trim(r.incomplete) };
  }, AXE_TAGS);
}

/**
 * "Needs review" results that are not a problem:
 * - axe cannot rate the contrast of the decorative arrows in the detail nav buttons (aria-hidden "←"/"→",
 *   "only non-text characters");
 * - on a phone the English tables are wider than the screen and scroll sideways inside their own focusable
 *   region (WCAG 1.4.10 exempts data tables from reflow); axe cannot see the background of the cells scrolled
 *   out of view ("partially obscured"). Their colours are the page's own text/background tokens, whose
 *   contrast tests/theme.rs measures, and the same cells are rated in the 1280 px runs. For the same tables
 *   axe reports "background gradient": the shadows at the edges that show the table scrolls (style/tables.css,
 *   only on a table marked data-scrolls): at most 18 % black over white under #1f2328 text leaves ≈ 10:1 (the
 *   minimum is 4.5:1), and in the dark theme the shadow darkens the dark background, raising the contrast.
 * Anything else incomplete fails, e.g. a colour axe could not determine because something was still fading in.
 */
export function unexpectedIncomplete(incomplete) {
  const acceptable = (v, n) =>
    v.id === 'color-contrast' &&
    (/only non-text characters/.test(n.summary) ||
      (/partially obscured|background gradient/.test(n.summary) && /(table|caption|\btr\[|\btd\b|\bth\b)/.test(String(n.target))));
  return incomplete
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !acceptable(v, n)) }))
    .filter((v) => v.nodes.length > 0);
}

/** Violations and unexpected "needs review" results, one readable line block each (empty: nothing found). */
export function axeFailures({ violations, incomplete }) {
  const failures = [];
  for (const v of violations) for (const n of v.nodes) failures.push(`[${v.id}] (${v.impact}) ${v.help}\n    target: ${n.target}\n    ${n.summary}`);
  for (const v of unexpectedIncomplete(incomplete)) for (const n of v.nodes) failures.push(`needs review [${v.id}] ${v.help}\n    target: ${n.target}\n    ${n.summary}`);
  return failures;
}
