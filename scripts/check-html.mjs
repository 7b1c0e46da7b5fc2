#!/usr/bin/env node
// `make validate`: the built pages through the Nu HTML Checker (npm vnu-jar, needs Java): any error fails,
// except Leptos's `<!>` markers ("Bogus comment"), which a prerendered Leptos view may carry.
//   node scripts/check-html.mjs [FILE…]    (default: dist/index.html, dist/embed.html, dist-single/web-infra-evolution.html)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = process.argv.slice(2).length ? process.argv.slice(2)
  : ['dist/index.html', 'dist/embed.html', 'dist-single/web-infra-evolution.html'].map((f) => join(ROOT, f));
const ALLOWED = [/^Bogus comment\.$/];

const missing = files.filter((f) => !existsSync(f));
if (missing.length) {
  process.stderr.write(`check-html: missing ${missing.join(', ')} (run make build first)\n`);
  process.exitCode = 1;
} else {
  const vnu = String(createRequire(import.meta.url)('vnu-jar')); // the path of vnu.jar
  let report;
  try {
    execFileSync('java', ['-jar', vnu, '--errors-only', '--format', 'json', ...files], { stdio: ['ignore', 'ignore', 'pipe'] });
    report = { messages: [] };
  } catch (e) {
    if (e.code === 'ENOENT') throw new Error('check-html: java not found (the Nu HTML Checker needs Java 11 or later)');
    report = JSON.parse(e.stderr.toString('utf8')); // vnu writes its JSON report to stderr and exits 1 on errors
  }
  const errors = report.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
  const counted = errors.filter((m) => !ALLOWED.some((re) => re.test(m.message)));
  for (const m of counted) {
    const where = `${relative(ROOT, fileURLToPath(m.url))}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}`;
    process.stderr.write(`${where}: ${m.message}\n    ${(m.extract ?? '').replace(/\s+/g, ' ').slice(0, 160)}\n`);
  }
  const ignored = errors.length - counted.length;
  process.stdout.write(`check-html: ${files.length} files, ${counted.length} errors${ignored ? ` (${ignored} Leptos <!> markers ignored)` : ''}\n`);
  if (counted.length) process.exitCode = 1;
}
