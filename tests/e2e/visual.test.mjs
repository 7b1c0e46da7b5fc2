// Visual comparisons: the overview and #/gen/3, full page, in every project of the matrix (ko/en × light/dark ×
// 375/1280 px, playwright.config.mjs), against the committed baselines in tests/e2e/snapshots/<project>/.
// A changed colour token or layout rule fails here (the tolerance is in playwright.config.mjs, and why).
// After an intended change of the look: make test-e2e ARGS=--update-snapshots, look at the new PNGs, commit them.
import { test, expect } from './fixtures.mjs';

for (const [name, hash, active] of [['overview', '#/', null], ['gen-3', '#/gen/3', 3]]) {
  test(`looks like its baseline: ${name}`, async ({ page, app, lang, colorScheme }) => {
    await app.open(hash);
    await app.expectActive(active, name);
    // Deterministic: fonts loaded, entrance animations and transitions finished, then Playwright's own
    // `animations: 'disabled'` and hidden caret for the shot itself; a fixed viewport per project.
    await app.settle();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dataset.theme]), 'language and theme of the project')
      .toEqual([lang, colorScheme]);
    await expect(page).toHaveScreenshot(`${name}.png`, { fullPage: true });
  });
}
