// Memory over long use (issue 10): the app's wasm memory, read from outside the app.
//
// - generationSoak: a visible page (Playwright), a warm-up, then blocks of 1,000 generation changes with the
//   keys 1…6 (real key presses, cycling); wasm memory, JS heap and DOM nodes after each block.
// - backgroundSoak: a BACKGROUND tab: the page loads, Play is pressed, another tab is opened in front of it
//   (document.visibilityState becomes 'hidden'), and playback is kept going (Play pressed again whenever it has
//   finished) for `seconds`; memory at the start and the end, growth per hour extrapolated. Playwright keeps
//   its pages visible whatever is in front of them, so this part drives its own Chromium over the DevTools
//   protocol directly (WebSocket), with Chromium's own background throttling left on, as a reader's browser has.
//
// The wasm memory is found as TOOLCHAIN.md describes: Runtime.queryObjects on WebAssembly.Memory.prototype, then
// the sum of the objects' buffer.byteLength. It grows in 64 KB pages and never shrinks: the figure is the
// memory the app has asked for, not the bytes in use at this moment (the app's counting allocator is not
// reachable from outside the wasm).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from './measure.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Bytes of every WebAssembly.Memory in the page (`send`: a CDP session's send, Playwright's or our own). */
export async function wasmMemory(send) {
  const group = 'bench-wasm-memory';
  try {
    const { result: proto } = await send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype', objectGroup: group });
    const { objects } = await send('Runtime.queryObjects', { prototypeObjectId: proto.objectId, objectGroup: group });
    const { result } = await send('Runtime.callFunctionOn', {
      objectId: objects.objectId,
      functionDeclaration: 'function () { return this.map((m) => m.buffer.byteLength); }',
      returnByValue: true,
      objectGroup: group,
    });
    const sizes = result.value || [];
    return { bytes: sizes.length ? sizes.reduce((a, b) => a + b, 0) : null, memories: sizes.length };
  } finally {
    await send('Runtime.releaseObjectGroup', { objectGroup: group }).catch(() => {});
  }
}

/** After two full garbage collections: JS heap, DOM nodes, listeners (Performance.getMetrics) and wasm memory. */
export async function memorySample(send, t0) {
  await send('HeapProfiler.collectGarbage');
  await send('HeapProfiler.collectGarbage');
  const { metrics } = await send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const w = await wasmMemory(send);
  return {
    t: Math.round((Date.now() - t0) / 1000),
    heapUsed: m.JSHeapUsedSize,
    heapTotal: m.JSHeapTotalSize,
    nodes: m.Nodes,
    listeners: m.JSEventListeners,
    wasm: w.bytes,
    wasmMemories: w.memories,
  };
}

const THROTTLED = /Throttling (navigation|history)/i;
const activeGen = () => document.querySelector('a.node[aria-current="step"]')?.dataset.gen ?? null;

/**
 * Blocks of `perBlock` generation changes (keys 1…6, cycling, each a real key press), after a warm-up that
 * builds every view once (1…6 and Escape, 10×). A sample after the warm-up and after each block.
 */
export async function generationSoak(browser, url, { blocks = 3, perBlock = 1000, log = () => {} } = {}) {
  const { context, page, cdp, errors } = await openApp(browser, url, async (c) => {
    await c.send('Performance.enable');
    await c.send('HeapProfiler.enable');
  }, { instrument: false });
  let throttled = 0;
  page.on('console', (m) => { if (THROTTLED.test(m.text())) throttled += 1; });
  const send = (method, params) => cdp.send(method, params);
  try {
    await page.locator('main').first().click({ position: { x: 2, y: 2 } }).catch(() => {}); // focus in the page, on nothing that reacts
    const keys = ['1', '2', '3', '4', '5', '6', 'Escape'];
    for (let i = 0; i < 10 * keys.length; i += 1) await page.keyboard.press(keys[i % keys.length]);
    await sleep(1500);
    const t0 = Date.now();
    const samples = [{ changes: 0, ...(await memorySample(send, t0)) }];
    let changes = 0;
    const blockTimes = [];
    let wrong = 0;
    for (let b = 0; b < blocks; b += 1) {
      const start = Date.now();
      for (let i = 0; i < perBlock; i += 1) {
        await page.keyboard.press(String((changes % 6) + 1));
        changes += 1;
      }
      blockTimes.push((Date.now() - start) / 1000);
      await sleep(1000);
      const expected = String(((changes - 1) % 6) + 1);
      const shown = await page.evaluate(activeGen);
      if (shown !== expected) wrong += 1;
      samples.push({ changes, ...(await memorySample(send, t0)) });
      const s = samples.at(-1);
      log(`generation soak: ${changes} changes (${blockTimes.at(-1).toFixed(1)} s), wasm ${(s.wasm / 1024).toFixed(0)} KB, heap ${(s.heapUsed / 1024).toFixed(0)} KB, ${s.nodes} nodes, shows ${shown} (expected ${expected})`);
    }
    return { perBlock, blocks, changes, samples, blockTimes, wrongAtEnd: wrong, historyThrottled: throttled, errors };
  } finally {
    await context.close().catch(() => {});
  }
}

/** A DevTools protocol client over WebSocket (Node 22 has WebSocket; Node 20 with --experimental-websocket). */
async function cdpConnect(wsUrl) {
  if (typeof globalThis.WebSocket === 'undefined') throw new Error('no WebSocket in this Node (Node 20: run with --experimental-websocket; bench/run.mjs does that itself)');
  const ws = new WebSocket(wsUrl);
  await new Promise((ok, fail) => {
    ws.addEventListener('open', ok, { once: true });
    ws.addEventListener('error', () => fail(new Error(`cannot connect to ${wsUrl}`)), { once: true });
  });
  let id = 0;
  const waiting = new Map();
  const listeners = new Map();
  ws.addEventListener('message', (ev) => {
    const m = JSON.parse(typeof ev.data === 'string' ? ev.data : Buffer.from(ev.data).toString('utf8'));
    if (m.id !== undefined && waiting.has(m.id)) {
      const { ok, fail, method } = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.error) fail(new Error(`${method}: ${m.error.message}`));
      else ok(m.result);
    } else if (m.method) {
      for (const cb of listeners.get(m.method) || []) cb(m.params);
    }
  });
  ws.addEventListener('close', () => {
    for (const { fail, method } of waiting.values()) fail(new Error(`${method}: connection closed`));
    waiting.clear();
  });
  return {
    send(method, params = {}) {
      return new Promise((ok, fail) => {
        id += 1;
        waiting.set(id, { ok, fail, method });
        ws.send(JSON.stringify({ id, method, params }));
      });
    },
    on(method, cb) {
      if (!listeners.has(method)) listeners.set(method, []);
      listeners.get(method).push(cb);
    },
    close() { try { ws.close(); } catch { /* gone */ } },
  };
}

/** Chromium with a DevTools port of its own choosing: { child, port, stop }. */
async function launchRaw(chromePath, flags) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'bench-soak-'));
  const child = spawn(chromePath, [...flags, `--user-data-dir=${userDataDir}`, '--remote-debugging-port=0', '--lang=ko-KR', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LANGUAGE: 'ko' },
  });
  let err = '';
  const port = await new Promise((ok, fail) => {
    const t = setTimeout(() => fail(new Error(`Chromium did not open its DevTools port in 30 s: ${err.slice(-500)}`)), 30_000);
    child.stderr.setEncoding('utf8').on('data', (d) => {
      err += d;
      if (err.length > 100_000) err = err.slice(-20_000);
      const m = err.match(/DevTools listening on ws:\/\/[^:]+:(\d+)\//);
      if (m) { clearTimeout(t); ok(Number(m[1])); }
    });
    child.once('exit', (code) => { clearTimeout(t); fail(new Error(`Chromium exited (${code}): ${err.slice(-500)}`)); });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
    }
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { child, port, stop };
}

/** Installed in the page before Play: counts generation changes and notes visibility changes. */
function soakProbe() {
  const P = (window.__soak = { changes: 0, visibility: [], gen: null });
  const gen = () => document.querySelector('a.node[aria-current="step"]')?.dataset.gen ?? null;
  P.gen = gen();
  new MutationObserver(() => {
    const g = gen();
    if (g !== P.gen) { P.gen = g; P.changes += 1; }
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-current'] });
  document.addEventListener('visibilitychange', () => P.visibility.push({ t: Math.round(performance.now()), state: document.visibilityState }));
}

/**
 * The autoplay soak in a background tab, `seconds` long (an hour works: BENCH_SOAK_SECONDS=3600), sampling
 * every `sampleEvery` seconds. Whenever playback has finished (generation 6), Play is pressed again, so the tab
 * plays through the generations all the time, as a reader's forgotten tab would if it looped.
 */
export async function backgroundSoak({ url, seconds, chromePath, flags, sampleEvery = 60, log = () => {} }) {
  const browser = await launchRaw(chromePath, flags);
  let page = null;
  try {
    const targets = await (await fetch(`http://127.0.0.1:${browser.port}/json/list`)).json();
    const target = targets.find((t) => t.type === 'page');
    if (!target) throw new Error('no page target in the soak browser');
    page = await cdpConnect(target.webSocketDebuggerUrl);
    const { send } = page;
    const errors = [];
    let throttled = 0;
    page.on('Runtime.exceptionThrown', (e) => errors.push(`exception: ${(e.exceptionDetails.exception?.description || e.exceptionDetails.text || '').split('\n')[0].slice(0, 160)}`));
    page.on('Runtime.consoleAPICalled', (e) => {
      const text = (e.args || []).map((a) => a.value ?? a.description ?? '').join(' ');
      if (THROTTLED.test(text)) throttled += 1;
      else if (e.type === 'error') errors.push(`console: ${text.slice(0, 160)}`);
    });
    page.on('Log.entryAdded', ({ entry }) => {
      if (THROTTLED.test(entry.text)) throttled += 1;
      else if (entry.level === 'error' && !/favicon/.test(entry.text)) errors.push(`log: ${entry.text.slice(0, 160)}`);
    });
    for (const d of ['Page', 'Runtime', 'Log', 'Performance', 'HeapProfiler']) await send(`${d}.enable`);
    await send('Page.navigate', { url });
    const evaluate = async (fn, arg) => {
      const { result, exceptionDetails } = await send('Runtime.evaluate', {
        expression: `(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`, returnByValue: true, awaitPromise: true,
      });
      if (exceptionDetails) throw new Error(`in page: ${exceptionDetails.exception?.description || exceptionDetails.text}`);
      return result.value;
    };
    const deadlineLoad = Date.now() + 60_000;
    for (;;) {
      const ok = await evaluate(() => { const a = document.getElementById('app'); return !!a && !a.hasAttribute('data-prerendered') && !!document.querySelector('button.play-button'); }).catch(() => false);
      if (ok) break;
      if (Date.now() > deadlineLoad) throw new Error('the app did not take over within 60 s');
      await sleep(250);
    }
    await sleep(1500);
    await evaluate(soakProbe);
    const play = () => evaluate(() => {
      const b = document.querySelector('button.play-button');
      if (!b || b.classList.contains('playing')) return false;
      b.click();
      return true;
    });
    const playing = () => evaluate(() => !!document.querySelector('button.play-button.playing'));
    let presses = (await play()) ? 1 : 0;
    // Another tab in front: this one is hidden from now on, as a tab the reader has left.
    await fetch(`http://127.0.0.1:${browser.port}/json/new?about:blank`, { method: 'PUT' });
    await sleep(1000);
    const visibility = await evaluate(() => document.visibilityState);
    if (visibility !== 'hidden') log(`background soak: the page is ${visibility}, not hidden: the figures are of a visible tab`);
    const t0 = Date.now();
    const samples = [{ ...(await memorySample(send, t0)), changes: await evaluate(() => window.__soak.changes) }];
    log(`background soak: ${seconds} s in a ${visibility} tab, playing: ${await playing()}; wasm ${(samples[0].wasm / 1024).toFixed(0)} KB, heap ${(samples[0].heapUsed / 1024).toFixed(0)} KB`);
    const deadline = t0 + seconds * 1000;
    let nextSample = t0 + sampleEvery * 1000;
    while (Date.now() < deadline) {
      await sleep(Math.min(5000, Math.max(0, deadline - Date.now())));
      if (!(await playing())) presses += (await play()) ? 1 : 0;
      if (Date.now() >= nextSample && deadline - Date.now() > 10_000) {
        samples.push({ ...(await memorySample(send, t0)), changes: await evaluate(() => window.__soak.changes) });
        const s = samples.at(-1);
        log(`background soak: ${s.t} s, ${s.changes} generation changes, wasm ${(s.wasm / 1024).toFixed(0)} KB, heap ${(s.heapUsed / 1024).toFixed(0)} KB, ${s.nodes} nodes`);
        nextSample += sampleEvery * 1000;
      }
    }
    const end = await evaluate(() => ({ changes: window.__soak.changes, visibility: document.visibilityState, changesOfVisibility: window.__soak.visibility }));
    samples.push({ ...(await memorySample(send, t0)), changes: end.changes });
    return {
      seconds, visibility, visibilityAtEnd: end.visibility, visibilityChanges: end.changesOfVisibility,
      presses, changes: end.changes, samples, historyThrottled: throttled, errors: [...new Set(errors)].slice(0, 10),
    };
  } finally {
    page?.close();
    await browser.stop();
  }
}

