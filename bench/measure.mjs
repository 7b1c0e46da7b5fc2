// The Node side of the measurements: cold loads, the animation window, the soak, Lighthouse.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { benchInit, benchRead, animStart, animStop, cssDeclared } from './page.mjs';

export const CHROME_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Slow mobile network: CDP Network.emulateNetworkConditions (DevTools-style, per-request latency). */
export const SLOW_MOBILE = { latency: 150, downloadThroughput: (1.6 * 1e6) / 8, uploadThroughput: (750 * 1e3) / 8 };

export const DESKTOP_VIEWPORT = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false };
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

/** The two readers: the browser's language, nothing saved (a fresh context each time). */
export const READERS = [
  { id: 'ko', locale: 'ko-KR', about: 'browser language ko-KR' },
  { id: 'en', locale: 'en-US', about: 'browser language en-US' },
];

export async function newContext(browser, device, extra = {}) {
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

/** Trace categories for the start-up tasks: every main-thread task (RunTask), user timing marks, paint events. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'v8.execute'];

/**
 * The main-thread tasks of one traced load, from navigation start until the app took over (the `bench:takeover`
 * mark the init script sets when `#app` loses data-prerendered): the longest, those over 50 ms, and the blocking
 * time (Σ of each task's time beyond 50 ms) of the tasks that end after FCP, TBT-like but up to the takeover.
 */
export function startupFromTrace(buf) {
  const json = JSON.parse(buf.toString('utf8'));
  const events = Array.isArray(json) ? json : json.traceEvents || [];
  const mark = events.find((e) => e.name === 'bench:takeover');
  if (!mark) return { error: 'no bench:takeover mark in the trace (the app did not take over while tracing)' };
  const { pid, tid } = mark;
  const navs = events.filter((e) => e.name === 'navigationStart' && e.pid === pid && e.ts <= mark.ts && !/^about:/.test(e.args?.data?.documentLoaderURL || ''));
  const nav = navs.sort((x, y) => y.ts - x.ts)[0];
  if (!nav) return { error: 'no navigationStart in the renderer that took over' };
  const fcpEv = events.filter((e) => e.name === 'firstContentfulPaint' && e.pid === pid && e.ts >= nav.ts).sort((x, y) => x.ts - y.ts)[0];
  const fcp = fcpEv ? fcpEv.ts : null;
  const isTask = (e) => e.ph === 'X' && e.pid === pid && e.tid === tid && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const tasks = events.filter((e) => isTask(e) && e.ts + e.dur > nav.ts && e.ts <= mark.ts).sort((x, y) => x.ts - y.ts);
  if (!tasks.length) return { error: 'no RunTask events on the renderer main thread' };
  const ms = (us) => us / 1000;
  const longest = tasks.reduce((m, t) => (t.dur > m.dur ? t : m), tasks[0]);
  // What the longest task did: its biggest named children (script evaluation, wasm compile, layout, …).
  const kids = events.filter((e) => e.ph === 'X' && e.pid === pid && e.tid === tid && e !== longest && !isTask(e) &&
    e.ts >= longest.ts && e.ts + e.dur <= longest.ts + longest.dur && e.dur >= 1000);
  const byName = new Map();
  for (const k of kids) {
    const url = k.args?.data?.url || k.args?.data?.functionName || '';
    const label = `${k.name}${url ? ` ${String(url).split('/').pop().slice(0, 40)}` : ''}`;
    byName.set(label, Math.max(byName.get(label) || 0, k.dur));
  }
  const what = [...byName].sort((x, y) => y[1] - x[1]).slice(0, 3).map(([n, d]) => `${n} ${Math.round(ms(d))} ms`);
  const over50 = tasks.filter((t) => t.dur > 50_000);
  const afterFcp = fcp === null ? [] : tasks.filter((t) => t.ts + t.dur > fcp);
  return {
    takeover: ms(mark.ts - nav.ts),
    fcp: fcp === null ? null : ms(fcp - nav.ts),
    tasks: tasks.length,
    longest: ms(longest.dur),
    longestAt: ms(longest.ts - nav.ts),
    longestWhat: what,
    over50: over50.length,
    over50Total: ms(over50.reduce((a, t) => a + t.dur, 0)),
    blockingFcpToTakeover: fcp === null ? null : ms(afterFcp.reduce((a, t) => a + Math.max(0, t.dur - 50_000), 0)),
    totalBusy: ms(tasks.reduce((a, t) => a + t.dur, 0)),
  };
}

/**
 * One cold load of `url` in a fresh context, for one reader (`locale`), in one of four modes:
 * - 'static': the script-free baseline; waits for `load`;
 * - 'paint': the app without any input during the load (FCP, LCP, CLS, long tasks are not disturbed); once the
 *   page has settled, one real click on the generation-3 link measures the click → answer time of a quiet app;
 * - 'interactive': a real click on the generation-3 link as soon as the app has taken over and the page has
 *   painted; measures when the app answers it;
 * - 'trace': like 'paint' without the click, with a Chromium trace from navigation to takeover (every main-thread
 *   task, not only those over 50 ms): the start-up task length.
 */
export async function coldLoad(browser, url, profile, mode, { locale = 'ko-KR' } = {}) {
  const context = await newContext(browser, profile.device, { locale });
  let onResponse;
  const responded = new Promise((ok) => { onResponse = ok; });
  const errors = [];
  const answered = (ms) => Promise.race([responded, sleep(ms).then(() => false)]);
  let tracing = false;
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
    if (mode === 'trace') {
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      tracing = true;
    }
    await page.goto(url, { waitUntil: 'load', timeout: profile.net ? 90_000 : 45_000 });
    // After `load` the wasm is in: the app is due within moments even at 4× CPU.
    const grace = profile.cpu > 1 ? 20_000 : 10_000;
    const tookOver = () => { const a = document.getElementById('app'); return !!a && !a.hasAttribute('data-prerendered'); };
    if (mode === 'interactive') {
      if (!(await answered(grace))) errors.push('the app did not answer the click on generation 3 in time');
    } else if (mode === 'paint' || mode === 'trace') {
      await page.waitForFunction(tookOver, null, { timeout: grace }).catch(() => errors.push('the app did not take over in time'));
    }
    let startup = null;
    if (tracing) {
      await sleep(200);
      tracing = false;
      startup = startupFromTrace(await browser.stopTracing());
    } else {
      await sleep(profile.cpu > 1 ? 1500 : 1000); // late LCP candidates and layout shifts
    }
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
    // <html lang> at first contentful paint: the last value set before it (the parser's own, then the boot
    // script's), and whether it changed after (a visible switch).
    const langAt = (t) => r.lang.filter((x) => x.t <= t).reduce((_, x) => x.to, r.lang.length ? r.lang[0].from : null);
    const langAtFcp = r.fcp === null ? null : (langAt(r.fcp) ?? r.langAtDcl);
    const switches = r.fcp === null ? [] : r.lang.filter((x) => x.t > r.fcp && x.to !== langAtFcp);
    // Start-up, from the Long Tasks API (only tasks over 50 ms are reported): until the app took over.
    const untilTakeover = r.takeover === null ? [] : r.lt.filter((t) => t.t <= r.takeover);
    const blockingToTakeover = r.fcp === null || r.takeover === null ? null
      : untilTakeover.filter((t) => t.t + t.d > r.fcp).reduce((a, t) => a + Math.max(0, t.d - 50), 0);
    return {
      mode,
      locale,
      fcp: r.fcp,
      lcp: lcp ? lcp.t : null,
      lcpElement: lcp ? lcp.el : null,
      lcpInfo: r.lcpInfo,
      lcpBeforeTakeover: lcp && r.takeover !== null ? lcp.t <= r.takeover : null,
      cls: clsOf(r.ls, mode === 'interactive' ? (r.clickTs ?? Infinity) : Infinity),
      shifts: r.ls.filter((s) => !s.input),
      load: r.nav ? r.nav.load : null,
      takeover: r.takeover,
      takeoverHow: r.takeoverHow,
      prerendered: r.prerendered,
      langAtDcl: r.langAtDcl,
      langAtFirstFrame: r.langAtFirstFrame,
      langAtFcp,
      langNow: r.langNow,
      langSwitches: switches,
      header: r.header,
      headerNow: r.headerNow,
      // The page was ready for the click at clickSent; the harness then needs a few ms to send it, which is not
      // the app's time: interactive = ready + (answer − the click event's own time stamp).
      interactive: clicked ? r.clickSent + (r.response - r.clickTs) : null,
      clickToResponse: clicked ? r.response - r.clickTs : null,
      clickReady: mode === 'interactive' ? r.clickSent : null,
      settledClick,
      longTaskCount: r.lt.filter((t) => t.t <= end).length,
      longTaskTotal: r.lt.filter((t) => t.t <= end).reduce((a, t) => a + t.d, 0),
      blocking: fromFcp.reduce((a, t) => a + Math.max(0, t.d - 50), 0),
      startupLongest: untilTakeover.length ? Math.max(...untilTakeover.map((t) => t.d)) : (r.takeover === null ? null : 0),
      startupBlocking: blockingToTakeover,
      startup,
      longTasks: r.lt,
      transfer,
      transferBodies: [...requests.values()].reduce((a, x) => a + x.body, 0),
      requests: [...requests.values()],
      errors,
    };
  } finally {
    if (tracing) await browser.stopTracing().catch(() => {});
    await context.close().catch(() => {});
  }
}

/** Waits until the app has taken over and the page is quiet. */
export async function openApp(browser, url, cdpSetup, { initScripts = [], instrument = true } = {}) {
  const context = await newContext(browser, DESKTOP_VIEWPORT);
  // The recorders of benchInit (long tasks, LoAF, shifts, …) keep what they see: not for the memory soaks.
  if (instrument) await context.addInitScript(benchInit, 'paint');
  for (const [fn, arg] of initScripts) await context.addInitScript(fn, arg);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  const cdp = await context.newCDPSession(page);
  if (cdpSetup) await cdpSetup(cdp);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => { const a = document.getElementById('app'); return !!a && !a.hasAttribute('data-prerendered'); }, null, { timeout: 30_000 });
  await sleep(1500);
  return { context, page, cdp, errors };
}

export const isPlaying = (page) => page.evaluate(() => !!document.querySelector('button.play-button.playing'));

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
