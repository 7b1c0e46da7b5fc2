// The Node side of the measurements: cold loads, the animation window, the soak, Lighthouse.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { benchInit, benchRead, animStart, animStop, cssDeclared, wasmMemoryBytes } from './page.mjs';

export const CHROME_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Slow mobile network: CDP Network.emulateNetworkConditions (DevTools-style, per-request latency). */
export const SLOW_MOBILE = { latency: 150, downloadThroughput: (1.6 * 1e6) / 8, uploadThroughput: (750 * 1e3) / 8 };

const DESKTOP_VIEWPORT = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false };
const MOBILE_VIEWPORT = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

export const PROFILES = [
  { id: 'desktop', label: 'desktop', cpu: 1, net: null, device: DESKTOP_VIEWPORT,
    about: 'no throttling, 1280×800' },
  { id: 'cpu4x', label: '4× CPU, loopback', cpu: 4, net: null, device: DESKTOP_VIEWPORT,
    about: 'Emulation.setCPUThrottlingRate 4, loopback network, 1280×800' },
  { id: 'mobile', label: '4× CPU + slow mobile', cpu: 4, net: SLOW_MOBILE, device: MOBILE_VIEWPORT,
    about: '4× CPU; 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up (request-level); 412×823 @1.75, touch' },
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function newContext(browser, device, extra = {}) {
  return browser.newContext({
    ...device,
    serviceWorkers: 'block', // every load cold: no service worker, and a fresh context has an empty cache
    locale: 'ko-KR',
    colorScheme: 'light',
    reducedMotion: 'no-preference',
    ...extra,
  });
}

/** Applies a profile's CPU and network throttling through a CDP session on the page. */
async function throttle(cdp, profile) {
  await cdp.send('Network.enable');
  if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  if (profile.net) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.net });
}

/** CLS as web-vitals defines it: the largest session window (gaps < 1 s, windows ≤ 5 s) of shifts without recent input. */
export function clsOf(shifts, until = Infinity) {
  let best = 0;
  let cur = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const s of shifts.filter((x) => !x.input && x.t <= until).sort((a, b) => a.t - b.t)) {
    if (s.t - last < 1000 && s.t - first < 5000) {
      cur += s.v;
    } else {
      cur = s.v;
      first = s.t;
    }
    last = s.t;
    best = Math.max(best, cur);
  }
  return best;
}

/**
 * One cold load of `url` in a fresh context, in one of three modes:
 * - 'static': the script-free baseline; waits for `load`;
 * - 'paint': the app without any input during the load (FCP, LCP, CLS, long tasks are not disturbed); once the
 *   page has settled, one real click on the generation-3 link measures the click → answer time of a quiet app;
 * - 'interactive': a real click on the generation-3 link as soon as the app has taken over and the page has
 *   painted; measures when the app answers it.
 */
export async function coldLoad(browser, url, profile, mode) {
  const context = await newContext(browser, profile.device);
  let onResponse;
  const responded = new Promise((ok) => { onResponse = ok; });
  const errors = [];
  const answered = (ms) => Promise.race([responded, sleep(ms).then(() => false)]);
  try {
    await context.addInitScript(benchInit, mode);
    let page;
    await context.exposeBinding('__benchSignal', async (_source, msg) => {
      if (msg.kind === 'takeover') {
        await page.mouse.click(msg.x, msg.y).catch((e) => errors.push(`click: ${e.message}`));
      } else if (msg.kind === 'response') {
        onResponse(true);
      } else {
        errors.push(`page: ${msg.kind}`);
        onResponse(false);
      }
    });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text().slice(0, 160)}`); });
    const cdp = await context.newCDPSession(page);
    let transfer = 0;
    const requests = new Map();
    let t0 = null; // CDP time stamps are seconds on the browser's monotonic clock
    const at = (ts) => Math.round((ts - t0) * 1000);
    cdp.on('Network.requestWillBeSent', (e) => {
      if (t0 === null) t0 = e.timestamp;
      if (!requests.has(e.requestId)) requests.set(e.requestId, { url: e.request.url, start: at(e.timestamp), end: null, status: 0, encoding: '', bytes: 0, body: 0, headers: 0 });
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = requests.get(e.requestId);
      if (!r) return;
      Object.assign(r, {
        status: e.response.status,
        encoding: (e.response.headers['content-encoding'] || e.response.headers['Content-Encoding'] || ''),
        headers: e.response.encodedDataLength || 0,
      });
    });
    cdp.on('Network.loadingFinished', (e) => {
      transfer += e.encodedDataLength;
      const r = requests.get(e.requestId);
      if (r) { r.bytes = e.encodedDataLength; r.body = Math.max(0, e.encodedDataLength - r.headers); r.end = at(e.timestamp); }
    });
    await throttle(cdp, profile);
    await page.goto(url, { waitUntil: 'load', timeout: profile.net ? 90_000 : 45_000 });
    // After `load` the wasm is in: the app is due within moments even at 4× CPU.
    const grace = profile.cpu > 1 ? 20_000 : 10_000;
    if (mode === 'interactive') {
      if (!(await answered(grace))) errors.push('the app did not answer the click on generation 3 in time');
    } else if (mode === 'paint') {
      await page.waitForFunction(() => document.documentElement.classList.contains('taken-over'), null, { timeout: grace })
        .catch(() => errors.push('the app did not take over in time'));
    }
    await sleep(profile.cpu > 1 ? 1500 : 1000); // late LCP candidates and layout shifts
    const r = await page.evaluate(benchRead);
    let settledClick = null;
    if (mode === 'paint' && r.takeover !== null) {
      await page.click('a.node[data-gen="3"]', { timeout: 10_000 }).catch((e) => errors.push(`click: ${e.message}`));
      if (await answered(10_000)) {
        const c = await page.evaluate(benchRead);
        settledClick = c.response - c.clickTs;
      } else {
        errors.push('the app did not answer the click on generation 3 (settled page)');
      }
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 }).catch(() => {});
    const lcp = r.lcp.length ? r.lcp[r.lcp.length - 1] : null;
    const end = r.now;
    const fromFcp = r.lt.filter((t) => r.fcp !== null && t.t >= r.fcp);
    const clicked = mode === 'interactive' && r.clickTs !== null && r.response !== null;
    return {
      mode,
      fcp: r.fcp,
      lcp: lcp ? lcp.t : null,
      lcpElement: lcp ? lcp.el : null,
      cls: clsOf(r.ls, mode === 'interactive' ? (r.clickTs ?? Infinity) : Infinity),
      shifts: r.ls.filter((s) => !s.input),
      load: r.nav ? r.nav.load : null,
      takeover: r.takeover,
      // The page was ready for the click at clickSent; the harness then needs a few ms to send it, which is not
      // the app's time: interactive = ready + (answer − the click event's own time stamp).
      interactive: clicked ? r.clickSent + (r.response - r.clickTs) : null,
      clickToResponse: clicked ? r.response - r.clickTs : null,
      clickReady: mode === 'interactive' ? r.clickSent : null,
      settledClick,
      longTaskCount: r.lt.filter((t) => t.t <= end).length,
      longTaskTotal: r.lt.filter((t) => t.t <= end).reduce((a, t) => a + t.d, 0),
      blocking: fromFcp.reduce((a, t) => a + Math.max(0, t.d - 50), 0),
      longTasks: r.lt,
      transfer,
      transferBodies: [...requests.values()].reduce((a, x) => a + x.body, 0),
      requests: [...requests.values()],
      errors,
    };
  } finally {
    await context.close().catch(() => {});
  }
}

/** Waits until the app has taken over and the page is quiet. */
async function openApp(browser, url, cdpSetup) {
  const context = await newContext(browser, DESKTOP_VIEWPORT);
  await context.addInitScript(benchInit, 'paint');
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  const cdp = await context.newCDPSession(page);
  if (cdpSetup) await cdpSetup(cdp);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.classList.contains('taken-over'), null, { timeout: 30_000 });
  await sleep(1500);
  return { context, page, cdp, errors };
}

const isPlaying = (page) => page.evaluate(() => !!document.querySelector('button.play-button.playing'));

/**
 * Desktop speed: presses play and watches `seconds` of playback, then Home and five ArrowRight presses
 * (600 ms apart). Records long tasks, rAF frame deltas and every animated property (document.getAnimations()
 * every frame, the CDP Animation domain from page start, and the stylesheets' declarations).
 */
export async function animationWindow(browser, url, seconds) {
  const started = [];
  const { context, page, errors } = await openApp(browser, url, async (cdp) => {
    cdp.on('Animation.animationStarted', ({ animation: a }) => started.push({ kind: a.type, name: a.name }));
    await cdp.send('Animation.enable');
  });
  try {
    await page.evaluate(animStart);
    await page.click('button.play-button');
    await sleep(seconds * 1000);
    const playedThrough = await page.evaluate(() => document.querySelector('a.node[aria-current="step"]')?.dataset.gen ?? null);
    await page.keyboard.press('Home');
    for (let i = 0; i < 5; i += 1) {
      await sleep(600);
      await page.keyboard.press('ArrowRight');
    }
    await sleep(1200);
    const endedAt = await page.evaluate(() => document.querySelector('a.node[aria-current="step"]')?.dataset.gen ?? null);
    const rec = await page.evaluate(animStop);
    const declared = await page.evaluate(cssDeclared);
    return { ...rec, started, declared, playedThrough, endedAt, errors };
  } finally {
    await context.close().catch(() => {});
  }
}

async function memorySample(cdp, page, t0) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  return {
    t: Math.round((Date.now() - t0) / 1000),
    heapUsed: m.JSHeapUsedSize,
    heapTotal: m.JSHeapTotalSize,
    nodes: m.Nodes,
    listeners: m.JSEventListeners,
    wasm: await page.evaluate(wasmMemoryBytes),
  };
}

/** Loops playback for `seconds` (pressing play again whenever it stops at 6), reading memory before, during, after. */
export async function soak(browser, url, seconds, { sampleEvery = 60, log = () => {} } = {}) {
  const { context, page, cdp, errors } = await openApp(browser, url, async (c) => {
    await c.send('Performance.enable');
    await c.send('HeapProfiler.enable');
  });
  try {
    const t0 = Date.now();
    const samples = [await memorySample(cdp, page, t0)];
    const deadline = Date.now() + seconds * 1000;
    let presses = 0;
    let nextSample = Date.now() + sampleEvery * 1000;
    while (Date.now() < deadline) {
      if (!(await isPlaying(page))) {
        await page.click('button.play-button');
        presses += 1;
      }
      if (Date.now() >= nextSample && deadline - Date.now() > 5000) {
        samples.push(await memorySample(cdp, page, t0));
        log(`soak: ${samples.at(-1).t} s, heap ${(samples.at(-1).heapUsed / 1024).toFixed(0)} KB, ${samples.at(-1).nodes} nodes`);
        nextSample += sampleEvery * 1000;
      }
      await sleep(1000);
    }
    if (await isPlaying(page)) await page.click('button.play-button'); // pause
    await sleep(1500);
    samples.push(await memorySample(cdp, page, t0));
    return { seconds, presses, samples, errors };
  } finally {
    await context.close().catch(() => {});
  }
}

/** One Lighthouse run (mobile, its default simulated throttling) with the benchmark's Chromium flags. */
export function lighthouse({ lhBin, url, chromePath, outFile, log = () => {} }) {
  return new Promise((ok) => {
    const userDataDir = join(tmpdir(), `bench-lh-${process.pid}-${Date.now()}`);
    mkdirSync(userDataDir, { recursive: true });
    const args = [
      lhBin, url,
      '--output=json', '--output-path=stdout', '--quiet',
      '--only-categories=performance,accessibility,best-practices,seo',
      `--chrome-flags=${[...CHROME_FLAGS, `--user-data-dir=${userDataDir}`].join(' ')}`,
      '--max-wait-for-load=60000',
    ];
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: chromePath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d) => { out += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { err += d; });
    child.on('close', (code) => {
      rmSync(userDataDir, { recursive: true, force: true });
      let lhr;
      try {
        lhr = JSON.parse(out);
      } catch {
        log(`lighthouse exited ${code}: ${err.slice(-2000)}`);
        ok({ error: `lighthouse exited ${code}: ${err.trim().split('\n').slice(-3).join(' / ')}` });
        return;
      }
      if (outFile) writeFileSync(outFile, out);
      if (lhr.runtimeError) {
        // e.g. NO_NAVSTART, an intermittent trace failure ("run Lighthouse again"): no scores to use.
        ok({ error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`.slice(0, 200) });
        return;
      }
      const cat = (id) => (lhr.categories[id] && lhr.categories[id].score !== null ? Math.round(lhr.categories[id].score * 100) : null);
      const num = (id) => (lhr.audits[id] ? lhr.audits[id].numericValue : null);
      // What kept a category below 100: scored audits that did not pass.
      const flagged = [];
      for (const [cid, c] of Object.entries(lhr.categories)) {
        for (const ref of c.auditRefs) {
          const a = lhr.audits[ref.id];
          if (ref.weight > 0 && a && a.score !== null && a.score < 1) flagged.push(`${cid}: ${ref.id} (${a.displayValue || a.score})`);
        }
      }
      const lt = lhr.audits['long-tasks'] && lhr.audits['long-tasks'].details ? lhr.audits['long-tasks'].details.items || [] : [];
      ok({
        longTasks: lt.map((t) => ({ url: String(t.url).split('/').pop() || t.url, duration: t.duration, start: t.startTime })),
        performance: cat('performance'),
        accessibility: cat('accessibility'),
        bestPractices: cat('best-practices'),
        seo: cat('seo'),
        tbt: num('total-blocking-time'),
        cls: num('cumulative-layout-shift'),
        fcp: num('first-contentful-paint'),
        lcp: num('largest-contentful-paint'),
        si: num('speed-index'),
        flagged,
        warnings: lhr.runWarnings || [],
        lighthouseVersion: lhr.lighthouseVersion,
        userAgent: lhr.environment ? lhr.environment.hostUserAgent : null,
      });
    });
  });
}
