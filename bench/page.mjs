// Code that runs inside the page (serialized by Playwright), kept apart from the Node side.
// Nothing here talks to Node except through the `__benchSignal` binding that bench/measure.mjs exposes.

/**
 * Init script for every measured page, run before any of the page's own scripts. It records paint, LCP,
 * layout shifts, long tasks, long animation frames and first input from the start; `<html lang>` as the boot
 * script and the app set it (with times, and at DOMContentLoaded); the elements of the prerendered `#app` at
 * DOMContentLoaded (to tell whether the LCP element is the prerendered one); and for the app: the moment the app
 * takes over the prerendered page (`#app` loses `data-prerendered`; `html.taken-over` for builds before hydration),
 * marked `bench:takeover` for traces, then, in mode 'interactive', signals Node, which sends a real (trusted) click
 * on the generation-3 timeline link, and the moment `a.node[data-gen="3"][aria-current="step"]` appears.
 */
export function benchInit(mode) {
  // mode 'interactive': click the generation-3 link as soon as the app has taken over and the page has painted.
  // Any other mode: no input during the load (Node may click once the page has settled).
  const B = (window.__bench = {
    lt: [], ls: [], lcp: [], loaf: [], fcp: null, fid: null,
    takeover: null, takeoverHow: null, takenOverClass: null, clickSent: null, clickTs: null, clickHandled: null, response: null, responseFrame: null,
    lang: [], langAtDcl: null, langAtFirstFrame: null, firstFrame: null, prerendered: null,
    header: { first: null, atTakeover: null, afterTakeover: null },
  });
  // Not serialisable, read by benchRead: the LCP candidates' elements and the prerendered elements.
  const E = (window.__benchEls = { lcp: [], pre: new WeakSet() });
  const describe = (el) => {
    if (!el || !el.tagName) return String(el);
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    if (typeof el.className === 'string' && el.className.trim()) s += `.${el.className.trim().split(/\s+/).join('.')}`;
    return s;
  };
  const observe = (type, cb) => {
    try {
      new PerformanceObserver((list) => { for (const e of list.getEntries()) cb(e); }).observe({ type, buffered: true });
    } catch { /* entry type not supported */ }
  };
  observe('paint', (e) => { if (e.name === 'first-contentful-paint') B.fcp = e.startTime; });
  observe('long-animation-frame', (e) => B.loaf.push({
    t: e.startTime, d: e.duration, blocking: e.blockingDuration,
    scripts: (e.scripts || []).map((s) => `${s.invokerType} ${s.invoker} ${Math.round(s.duration)} ms`).slice(0, 3),
  }));
  observe('largest-contentful-paint', (e) => {
    B.lcp.push({ t: e.startTime, size: e.size, el: e.element ? describe(e.element) : (e.url || '(node since removed)') });
    E.lcp.push(e.element || null);
  });
  observe('layout-shift', (e) => B.ls.push({
    t: e.startTime, v: e.value, input: e.hadRecentInput,
    sources: (e.sources || []).map((s) => describe(s.node)).slice(0, 4),
  }));
  observe('longtask', (e) => B.lt.push({ t: e.startTime, d: e.duration }));
  observe('first-input', (e) => { B.fid = { t: e.startTime, delay: e.processingStart - e.startTime, duration: e.duration }; });
  addEventListener('click', (e) => {
    if (e.isTrusted && B.clickTs === null) { B.clickTs = e.timeStamp; B.clickHandled = performance.now(); }
  }, true);
  // The language: every change of <html lang> with its time; the value when the first frame is drawn.
  requestAnimationFrame(() => {
    B.firstFrame = performance.now();
    B.langAtFirstFrame = document.documentElement ? document.documentElement.lang : null;
  });
  // The site header's box (page coordinates) as drawn: in the first frame that has it, in the first frame after
  // the takeover and in the one after that (the takeover must not move it). Read with an IntersectionObserver,
  // observed anew in every frame: its entries carry the box as laid out for that frame, so the reading forces
  // no layout of its own (a getBoundingClientRect during the load would, and would show up in the traced
  // tasks). Nothing after the takeover (or after 30 s: the static copy never takes over).
  let headerDone = false;
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) {
      const r = e.boundingClientRect;
      if (!r.width && !r.height) continue; // not rendered (yet)
      const box = { t: e.time, top: r.top + scrollY, left: r.left + scrollX, height: r.height, width: r.width };
      if (B.header.first === null) B.header.first = box;
      if (B.takeover !== null && e.time > B.takeover) {
        if (B.header.atTakeover === null) B.header.atTakeover = box;
        else if (B.header.afterTakeover === null && e.time > B.header.atTakeover.t) { B.header.afterTakeover = box; headerDone = true; io.disconnect(); }
      }
    }
  });
  let watched = null;
  const onFrame = () => {
    if (headerDone || performance.now() > 30_000) return;
    const h = document.querySelector('header.site-header');
    if (h) {
      if (watched) io.unobserve(watched);
      io.observe(h);
      watched = h;
    }
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  new MutationObserver((records) => {
    for (const r of records) B.lang.push({ t: performance.now(), from: r.oldValue, to: document.documentElement.lang });
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['lang'], attributeOldValue: true });
  document.addEventListener('DOMContentLoaded', () => {
    B.langAtDcl = document.documentElement.lang;
    const app = document.getElementById('app');
    B.prerendered = !!(app && app.hasAttribute('data-prerendered'));
    if (app) for (const el of app.querySelectorAll('*')) E.pre.add(el);
  });

  const GEN3 = 'a.node[data-gen="3"]';
  const signal = (msg) => { try { window.__benchSignal(msg); } catch { /* not a measured context */ } };
  const watchResponse = new MutationObserver(() => {
    if (B.response !== null || !document.querySelector(`${GEN3}[aria-current="step"]`)) return;
    B.response = performance.now();
    watchResponse.disconnect();
    requestAnimationFrame(() => { B.responseFrame = performance.now(); signal({ kind: 'response' }); });
  });
  let seenPrerendered = false;
  const watchTakeover = new MutationObserver(() => {
    const root = document.documentElement;
    const app = document.getElementById('app');
    if (app && app.hasAttribute('data-prerendered')) seenPrerendered = true;
    if (B.takenOverClass === null && root && root.classList.contains('taken-over')) B.takenOverClass = performance.now();
    if (B.takeover !== null) return;
    // The app has taken over when #app has lost data-prerendered; a build that never marks it (none today)
    // is taken over with html.taken-over.
    if (seenPrerendered && app && !app.hasAttribute('data-prerendered')) B.takeoverHow = '#app lost data-prerendered';
    else if (!seenPrerendered && B.takenOverClass !== null && document.readyState !== 'loading') B.takeoverHow = 'html.taken-over';
    else return;
    B.takeover = performance.now();
    try { performance.mark('bench:takeover'); } catch { /* old browser */ }
    watchTakeover.disconnect();
    watchResponse.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-current'] });
    if (mode !== 'interactive') return;
    // The click comes after the task that took over and after the next frame (a reader cannot click what is
    // not drawn yet). Not after the FCP entry: observers are notified late, in low-priority tasks.
    const click = () => {
      const el = document.querySelector(GEN3);
      if (!el) { signal({ kind: 'no-target' }); return; }
      let r = el.getBoundingClientRect();
      if (r.bottom > innerHeight || r.top < 0) { el.scrollIntoView({ block: 'center' }); r = el.getBoundingClientRect(); }
      B.clickSent = performance.now();
      signal({ kind: 'takeover', x: r.left + r.width / 2, y: r.top + r.height / 2 });
    };
    requestAnimationFrame(() => setTimeout(click, 0));
  });
  watchTakeover.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'data-prerendered'] });
}

/** Reads what benchInit recorded, plus navigation timing. */
export function benchRead() {
  const nav = performance.getEntriesByType('navigation')[0];
  const E = window.__benchEls;
  const el = E && E.lcp.length ? E.lcp[E.lcp.length - 1] : null;
  const langOf = (x) => { const l = x && x.closest ? x.closest('[lang]') : null; return l ? l.getAttribute('lang') : null; };
  const app = document.getElementById('app');
  return {
    ...window.__bench,
    nav: nav ? { responseEnd: nav.responseEnd, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd } : null,
    now: performance.now(),
    takenOver: !!app && !app.hasAttribute('data-prerendered'),
    langNow: document.documentElement.lang,
    headerNow: (() => {
      const h = document.querySelector('header.site-header');
      if (!h) return null;
      const r = h.getBoundingClientRect();
      return { t: performance.now(), top: r.top + scrollY, left: r.left + scrollX, height: r.height, width: r.width };
    })(),
    // The last LCP candidate: one of the elements of the prerendered #app at DOMContentLoaded, still in the page?
    lcpInfo: el ? {
      prerendered: E.pre.has(el),
      connected: el.isConnected,
      lang: langOf(el),
      text: (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 48),
    } : null,
  };
}

/** Starts the animation recorder: rAF timestamps and every running animation's kind, name and properties. */
export function animStart() {
  const A = (window.__anim = { t0: performance.now(), t1: null, frames: [], seen: {}, stop: false, events: [] });
  for (const type of ['click', 'keydown']) {
    addEventListener(type, (e) => A.events.push({ t: e.timeStamp, what: type === 'click' ? 'click' : e.key }), true);
  }
  new MutationObserver(() => {
    const cur = document.querySelector('a.node[aria-current="step"]');
    const gen = cur ? cur.dataset.gen : '0';
    if (A.gen !== gen) { A.gen = gen; A.events.push({ t: performance.now(), what: `gen ${gen}` }); }
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-current'] });
  const describe = (el) => {
    if (!el || !el.tagName) return '?';
    let s = el.tagName.toLowerCase();
    if (typeof el.className === 'string' && el.className.trim()) s += `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}`;
    else if (el.className && el.className.baseVal) s += `.${el.className.baseVal.trim().split(/\s+/)[0]}`;
    return s;
  };
  const kebab = (p) => (p === 'cssFloat' ? 'float' : p.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
  const META = new Set(['offset', 'computedOffset', 'easing', 'composite']);
  const tick = (t) => {
    A.frames.push(t);
    for (const a of document.getAnimations()) {
      const kind = a.constructor.name;
      let name = '';
      let props = [];
      if (kind === 'CSSTransition') {
        name = a.transitionProperty;
        props = [a.transitionProperty];
      } else {
        name = a.animationName || a.id || '';
        try {
          for (const k of a.effect.getKeyframes()) for (const p of Object.keys(k)) if (!META.has(p)) props.push(kebab(p));
        } catch { /* no effect */ }
        if (!props.length) props = ['?'];
      }
      const target = a.effect && a.effect.target ? describe(a.effect.target) + (a.effect.pseudoElement || '') : '?';
      for (const p of new Set(props)) {
        const key = `${kind}|${name}|${p}`;
        const s = (A.seen[key] ||= { kind, name, prop: p, frames: 0, targets: [] });
        s.frames += 1;
        if (s.targets.length < 3 && !s.targets.includes(target)) s.targets.push(target);
      }
    }
    if (!A.stop) requestAnimationFrame(tick);
    else A.t1 = t;
  };
  requestAnimationFrame(tick);
}

export function animStop() {
  window.__anim.stop = true;
  return new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => {
    const A = window.__anim;
    const longTasks = window.__bench.lt.filter((e) => e.t >= A.t0);
    const loafs = window.__bench.loaf.filter((e) => e.t >= A.t0);
    ok({ t0: A.t0, t1: A.t1, frames: A.frames, seen: Object.values(A.seen), longTasks, loafs, events: A.events });
  })));
}

/**
 * Every transition and @keyframes the page's stylesheets declare, with the properties they animate
 * (the CSSOM, so it also sees animations the run did not trigger, such as :hover).
 */
export function cssDeclared() {
  const out = { transitions: [], keyframes: [] };
  const TIMING = /^(ease|ease-in|ease-out|ease-in-out|linear|step-start|step-end|normal|allow-discrete|initial|inherit|unset)$/;
  // A shorthand with var() leaves its longhands empty in the CSSOM: read the declared text instead.
  const transitionProps = (text) => {
    const items = [];
    let depth = 0;
    let cur = '';
    for (const ch of text) {
      if (ch === '(') depth += 1;
      if (ch === ')') depth -= 1;
      if (ch === ',' && depth === 0) { items.push(cur); cur = ''; } else cur += ch;
    }
    items.push(cur);
    return items.map((item) => {
      const tokens = item.replace(/\([^()]*(\([^()]*\)[^()]*)*\)/g, '()').trim().split(/\s+/);
      return tokens.find((t) => /^-?[a-z][a-z-]*$/.test(t) && !TIMING.test(t)) || 'all';
    });
  };
  const walk = (rules, where) => {
    for (const r of rules) {
      if (r.type === CSSRule.KEYFRAMES_RULE) {
        const props = new Set();
        for (const k of r.cssRules) for (let i = 0; i < k.style.length; i += 1) props.add(k.style[i]);
        out.keyframes.push({ name: r.name, props: [...props], where });
        continue;
      }
      if (r.style) {
        const t = r.style.getPropertyValue('transition') || r.style.getPropertyValue('transition-property');
        if (t && !/^\s*none\s*$/.test(t)) {
          const props = r.style.getPropertyValue('transition-property')
            ? r.style.getPropertyValue('transition-property').split(',').map((s) => s.trim())
            : transitionProps(t);
          out.transitions.push({ selector: r.selectorText, props, where });
        }
      }
      if (r.cssRules) walk(r.cssRules, where);
    }
  };
  for (const s of document.styleSheets) {
    try { walk(s.cssRules, (s.href || 'inline').split('/').pop()); } catch { /* cross-origin sheet */ }
  }
  return out;
}

/**
 * The search probe (bench/search.mjs): measures one step of typing in `#search-field` at a time. Node arms it
 * (`searchArm`), sends the key (or the IME commit, or the paste), then waits for `searchWait`. The step starts
 * at the time stamp of its first input event (keydown, beforeinput, compositionend, input or paste: whichever
 * the browser fires first; for a key that is the keydown, stamped when the browser received it). The update is
 * a DOM change the search makes: anything under `.search-results`, or the class of a `.timeline-node`
 * (found/dimmed). The step ends when the frame that draws the last of these changes has been produced: a
 * requestAnimationFrame after the change, then a task posted from it (it runs after that frame's style, layout
 * and paint). When a later change comes after that frame, the frame that draws it counts instead. Event Timing
 * (PerformanceEventTiming, entries ≥ 16 ms) is recorded beside it as a cross-check; its entries arrive late
 * (after the frame is presented, in a low-priority task), so Node reads them at the end (`searchEventTiming`).
 * Beside it, the same kind of end for the step's first `input` event: a requestAnimationFrame from an input
 * listener, then a task posted from it, the first frame produced after the field changed (`inputFrame`). On the
 * baseline page (the wasm blocked: no app, no search, no DOM change to wait for) that is the step's end
 * (`searchArm` with `until: 'input'`): what the browser needs anyway to draw a key typed into the field.
 */
export function searchProbe() {
  if (window.__search) return;
  const S = (window.__search = { cur: null, events: [] });
  const relevant = (r) => {
    const t = r.target.nodeType === 1 ? r.target : r.target.parentElement;
    if (!t) return false;
    if (r.type === 'attributes') return t.classList.contains('timeline-node');
    return !!t.closest('.search-results');
  };
  for (const type of ['keydown', 'beforeinput', 'compositionend', 'input', 'paste']) {
    addEventListener(type, (e) => {
      const c = S.cur;
      if (c && c.t0 === null) { c.t0 = e.timeStamp; c.first = type; }
    }, true);
  }
  // The first frame after the field changed: the end of a baseline step, a cross-check of an app step.
  addEventListener('input', () => {
    const c = S.cur;
    if (!c || c.done || c.input !== null) return;
    c.input = performance.now();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        c.inputPainted = performance.now();
        if (c.until === 'input') finish(c);
      };
      ch.port2.postMessage(0);
    });
  }, true);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) S.events.push({ name: e.name, t: e.startTime, d: e.duration, id: e.interactionId });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch { /* no Event Timing */ }
  const finish = (c) => {
    if (c.done) return;
    c.done = true;
    clearTimeout(c.timer);
    c.resolve();
  };
  // A rAF callback: this frame draws every change made so far; after it, the task posted here.
  const onFrame = (c) => {
    const covers = c.last;
    c.frames += 1;
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      c.painted = performance.now();
      requestAnimationFrame(() => (c.last > covers ? onFrame(c) : finish(c)));
    };
    ch.port2.postMessage(0);
  };
  new MutationObserver((records) => {
    const c = S.cur;
    if (!c || c.done || c.t0 === null || !records.some(relevant)) return;
    c.last = performance.now();
    c.mutations += records.length;
    if (c.update === null) {
      c.update = c.last;
      requestAnimationFrame(() => onFrame(c));
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class'] });
}

/**
 * Arms the probe for one step (`timeout` ms without an update ends it). `until`: 'update' (the app: the frame
 * that draws the search's last DOM change) or 'input' (the baseline: the first frame after the input event).
 */
export function searchArm({ label, timeout, until = 'update' }) {
  const c = { label, until, t0: null, first: null, input: null, inputPainted: null, update: null, last: null, painted: null, frames: 0, mutations: 0, done: false };
  c.wait = new Promise((ok) => { c.resolve = ok; });
  c.timer = setTimeout(() => { c.timedOut = true; c.done = true; c.resolve(); }, timeout);
  window.__search.cur = c;
}

/** Waits for the armed step; returns its figures (ms from the step's first input event). */
export async function searchWait() {
  const c = window.__search.cur;
  await c.wait;
  window.__search.cur = null;
  const field = document.getElementById('search-field');
  const rel = (t) => (t === null || c.t0 === null ? null : t - c.t0);
  return {
    label: c.label,
    first: c.first,
    timedOut: !!c.timedOut,
    toUpdate: rel(c.update),
    latency: c.until === 'input' ? rel(c.inputPainted) : c.update === null ? null : rel(c.painted),
    inputFrame: rel(c.inputPainted),
    t0: c.t0,
    frames: c.frames,
    mutations: c.mutations,
    value: field ? field.value.length : null,
    results: document.querySelectorAll('.search-results li').length,
    found: [...document.querySelectorAll('.timeline-node.found')].map((n) => Number(n.dataset.gen)),
  };
}

/** The Event Timing entries (≥ 16 ms) seen so far, after a moment for late ones. */
export function searchEventTiming() {
  return new Promise((ok) => setTimeout(() => requestAnimationFrame(() => setTimeout(() => ok(window.__search.events), 0)), 300));
}
