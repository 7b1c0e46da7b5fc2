#!/usr/bin/env node
// Finishes what Trunk built, in order, one small step each (build/steps/*.mjs). Run by Trunk itself as the
// post_build hook (Trunk.toml), on its staging directory, for `trunk build` and `trunk serve` alike:
//
//   prerender  the first view into <div id="app">          (src/bin/prerender.rs renders it natively)
//   styles     the stylesheets joined into app-<hash>.css    (release: minified)
//   tools      the tools' wasm (the export) named in the loader, which imports it on first use
//   scripts    release: every script minified (esbuild)
//   security   CSP <meta>, integrity on scripts/stylesheets  (debug: also allows trunk serve's live reload)
//   preview    Open Graph / Twitter tags; og:url, og:image only with SITE_URL (the image: assets/og-image.png)
//   embed      embed.html: the finished page with <html data-embed> (the one page other sites may frame)
//   pwa        manifest and icons checked, sw.js written
//   headers    _headers written, cache rules and deploy/ checked
//   compress   release: .br/.gz siblings
//   single     release: the single-file edition <dist>-single/web-infra-evolution.html
//
// On an already built directory (the e2e tests simulate a new deploy this way), the same steps again:
//
//   node build/finish.mjs DIR [--no-single] [--debug]
//
// SITE_URL=https://example.org/web-infra/ (the absolute address dist/ is published at) adds og:url and og:image.
//
// Running it again on its own output gives the same result: each step notices what is already done.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPage, serialize } from './steps/html.mjs';
import { prerender } from './steps/prerender.mjs';
import { styles } from './steps/styles.mjs';
import { tools } from './steps/tools.mjs';
import { minifyScripts } from './steps/scripts.mjs';
import { shortenImports } from './steps/imports.mjs';
import { security } from './steps/security.mjs';
import { preview } from './steps/preview.mjs';
import { embed } from './steps/embed.mjs';
import { pwa } from './steps/pwa.mjs';
import { headers } from './steps/headers.mjs';
import { compress } from './steps/compress.mjs';
import { single } from './steps/single.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The steps in order; `when` says for which runs. Each takes the shared context ({ dir, doc: the parsed
 * index.html, release, out, publicUrl, siteUrl, root, warn }) and returns a one-line summary. Only the steps before
 * embed may change index.html: embed.html is its copy, and sw.js records the hashes of both.
 */
export const STEPS = [
  { name: 'prerender', run: prerender, when: () => true },
  { name: 'styles', run: styles, when: () => true },
  { name: 'tools', run: tools, when: () => true },
  { name: 'scripts', run: minifyScripts, when: (o) => o.release },
  { name: 'imports', run: shortenImports, when: (o) => o.release },
  { name: 'security', run: security, when: () => true },
  { name: 'preview', run: preview, when: () => true },
  { name: 'embed', run: embed, when: () => true, seals: true },
  { name: 'pwa', run: pwa, when: () => true },
  { name: 'headers', run: headers, when: () => true },
  { name: 'compress', run: compress, when: (o) => o.release },
  { name: 'single', run: single, when: (o) => o.release && o.out },
];

/**
 * Runs the steps on `dir` (a directory with Trunk's index.html and files). `release`: a release build;
 * `out`: where the single-file edition goes (null: none); `publicUrl`: Trunk's public URL; `siteUrl`: SITE_URL, the
 * absolute address of the published dist/ (null: the link-preview tags carry no URL).
 * Returns the warnings; throws at the first step that fails. index.html is written after each step that
 * changed it.
 */
export function finish({ dir, release = true, out = `${dir}-single`, publicUrl = './', siteUrl = null, root = ROOT, log = () => {} }) {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) throw new Error(`${index} not found (run trunk build first)`);
  const warnings = [];
  const ctx = { dir, release, out, publicUrl, siteUrl, root, doc: readPage(index), warn: (w) => warnings.push(w) };
  let sealed = null;
  for (const step of STEPS.filter((s) => s.when(ctx))) {
    const started = performance.now();
    let summary;
    try {
      summary = step.run(ctx);
    } catch (e) {
      throw new Error(`step ${step.name}: ${e.message}`, { cause: e });
    }
    const page = serialize(ctx.doc);
    if (page !== readFileSync(index, 'utf8')) {
      if (sealed) throw new Error(`step ${step.name} changed index.html after step ${sealed} recorded it`);
      writeFileSync(index, page);
    }
    if (step.seals) sealed = step.name;
    log(`${step.name.padEnd(9)} ${summary} (${Math.round(performance.now() - started)} ms)`);
  }
  return warnings;
}

/** Options from Trunk's hook environment, or from the command line (`DIR [--no-single] [--debug]`); SITE_URL from the environment. */
export function options(argv, env) {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const unknown = [...flags].filter((f) => !['--no-single', '--debug'].includes(f));
  if (unknown.length) throw new Error(`unknown option ${unknown.join(' ')} (usage: node build/finish.mjs [DIR] [--no-single] [--debug])`);
  const dirArg = argv.find((a) => !a.startsWith('--'));
  if (!dirArg && env.TRUNK_STAGING_DIR) {
    // Trunk's post_build hook: the staging directory becomes dist/ after this; the single file goes beside dist/.
    return {
      dir: env.TRUNK_STAGING_DIR,
      release: env.TRUNK_PROFILE === 'release',
      out: flags.has('--no-single') ? null : `${env.TRUNK_DIST_DIR}-single`,
      publicUrl: env.TRUNK_PUBLIC_URL || './',
      siteUrl: env.SITE_URL || null,
    };
  }
  const dir = resolve(dirArg || join(ROOT, 'dist'));
  return { dir, release: !flags.has('--debug'), out: flags.has('--no-single') ? null : `${dir}-single`, siteUrl: env.SITE_URL || null };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const say = (msg) => process.stdout.write(`[finish] ${msg}\n`);
  try {
    const opts = options(process.argv.slice(2), process.env);
    say(`${opts.dir} (${opts.release ? 'release' : 'debug'})`);
    for (const w of finish({ ...opts, log: say })) process.stderr.write(`[finish] warning: ${w}\n`);
  } catch (e) {
    process.stderr.write(`[finish] error: ${e.message}\n`);
    process.exitCode = 1;
  }
}
