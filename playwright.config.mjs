// End-to-end tests (tests/e2e/, README there): Playwright driving Debian's Chromium (never `playwright install`)
// against the built dist/, served by ONE private nginx (global setup) with the repo's deploy/nginx.conf under
// /a/b/web-infra/. Run: make test-e2e (ARGS=… passes options, e.g. ARGS=--update-snapshots).
import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './tests/e2e/server.mjs';
import { LANGS, LOCALES } from './tests/e2e/content.mjs';

/** The file run once per language × theme × width (visual comparisons, axe); everything else runs once. */
const MATRIX_FILES = ['matrix.test.mjs'];
const WIDTHS = { 375: 812, 1280: 900 };

const matrix = LANGS.flatMap((lang) => ['light', 'dark'].flatMap((theme) => Object.entries(WIDTHS).map(([width, height]) => ({
  name: `${lang}-${theme}-${width}`,
  testMatch: MATRIX_FILES,
  // A project's tests stay on one worker (one Chromium start per project instead of one per worker slot).
  fullyParallel: false,
  // A first-time reader: the language comes from the browser, the theme from the system.
  use: { lang, locale: LOCALES[lang], colorScheme: theme, viewport: { width: Number(width), height } },
}))));

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.test.mjs',
  globalSetup: './tests/e2e/global-setup.mjs',
  // Traces, failure screenshots, diffs, PDFs: git-ignored.
  outputDir: 'tests/e2e/artifacts/results',
  // Committed baselines, one folder per project: tests/e2e/snapshots/ko-dark-375/gen-3.png.
  snapshotPathTemplate: '{testDir}/snapshots/{projectName}/{arg}{ext}',
  // Two cores: two workers (one Chromium each) beat one by about a third; three only add contention.
  workers: Number(process.env.E2E_WORKERS || 2),
  fullyParallel: true,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 90_000,
  reporter: [['list'], ['html', { outputFolder: 'tests/e2e/artifacts/report', open: 'never' }]],
  expect: {
    timeout: 5000,
    toHaveScreenshot: {
      // The baselines are reproduced to the pixel on this machine (measured: threshold 0 and no pixel budget pass
      // run after run). Playwright's default threshold 0.2 lets every pixel's colour move by ~50 of 255 luma levels
      // unnoticed: it passed --gen3-fill #f3fff4 → #e3efe4 (16 levels darker) here. At 0.01 a pixel counts as
      // different once its colour moves by ~3 levels (--accent #2f5fc4 → #2c5cc1 fails); anti-aliased edge pixels
      // are still ignored by pixelmatch, and maxDiffPixels: 20 (less than one glyph) absorbs other rasterisation
      // noise. The smallest edits tried fail by far more: 0.05rem more padding on the chips ≥ 519 pixels,
      // a 3-level colour token ≥ 3450 pixels (tests/e2e/README.md).
      threshold: 0.01,
      maxDiffPixels: 20,
      animations: 'disabled',
      caret: 'hide',
      scale: 'css',
    },
  },
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    locale: 'ko-KR',
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    // Every failure leaves a trace (actions, console, network, errors; `npx playwright show-trace …`) and a
    // screenshot. DOM snapshots in the trace made key-heavy tests half again as slow on two cores, and the
    // screencast the whole run a fifth slower: E2E_TRACE=full adds the snapshots when debugging, E2E_TRACE=off none.
    trace: process.env.E2E_TRACE === 'off' ? 'off' : { mode: 'retain-on-failure', screenshots: false, snapshots: process.env.E2E_TRACE === 'full', sources: false },
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'functional', testIgnore: MATRIX_FILES },
    ...matrix,
  ],
});
