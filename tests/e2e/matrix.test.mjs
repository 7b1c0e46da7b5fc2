// What is checked in every project of the matrix (playwright.config.mjs: ko/en × light/dark × 375/1280 px): the
// language comes from the browser (locale), the theme from the system (colorScheme), as for a first-time reader.
// One file, so that each project runs on one worker with one Chromium; one page load per view for both checks.
//
// 1. Visual comparison: the overview and #/gen/3, full page, against the committed baselines in
//    tests/e2e/snapshots/<project>/. A changed colour token or layout rule fails here (the tolerance is in
//    playwright.config.mjs, and why). After an intended change of the look: make test-e2e ARGS=--update-snapshots,
//    look at the new PNGs, commit them.
// 2. axe-core (WCAG 2.0/2.1/2.2 A and AA) on the same page: 16 runs in all. The motion is left on and waited out,
//    so colours are checked as they end up.
import { test, expect } from './fixtures.mjs';
import { AXE_TAGS, AXE_VERSION, axeFailures, runAxe } from './axe.mjs';

const VIEWS = [['overview', '#/', null], ['gen-3', '#/gen/3', 3]];

for (const [view, hash, active] of VIEWS) {
  test(`${view}: looks like its baseline, and axe-core ${AXE_VERSION} finds nothing`, async ({ page, app, words, colorScheme }, testInfo) => {
    await app.open(hash);
    await expect(page.locator('html'), 'the language of the project').toHaveAttribute('lang', words.lang);
    await expect(page.locator('html'), 'the theme of the project').toHaveAttribute('data-theme', colorScheme);
    await app.expectActive(active, view);
    // Deterministic: fonts loaded, entrance animations and transitions finished, then Playwright's own
    // `animations: 'disabled'` and hidden caret for the shot itself; a fixed viewport per project.
    await app.settle();
    // Soft: a changed look is reported, and axe still runs.
    await expect.soft(page, 'looks like its baseline').toHaveScreenshot(`${view}.png`, { fullPage: true });

    const { violations, incomplete } = await runAxe(page);
    const failures = axeFailures({ violations, incomplete });
    testInfo.annotations.push({ type: 'axe', description: `${testInfo.project.name} ${view}: tags ${AXE_TAGS.join(' ')}; ${violations.length} violated rules` });
    expect(failures, `axe-core found problems (${testInfo.project.name}, ${view})`).toEqual([]);
  });
}
