// Code that runs inside the page (serialized by Playwright), kept apart from the Node side.
// Nothing here talks to Node except through the `__benchSignal` binding that bench/measure.mjs exposes.

/**
 * Init script for every measured page, run before any of the page's own scripts. It records paint, LCP,
 * layout shifts, long tasks and first input from the start, and for the app: the moment the app takes over
 * the prerendered page (`html.taken-over`), then signals Node, which sends a real (trusted) click on the
 * generation-3 timeline link, and the moment `a.node[data-gen="3"][aria-current="step"]` appears.
 */
export function benchInit(mode) {
  // mode 'interactive': click the generation-3 link as soon as the app has taken over and the page has painted.
  // Any other mode: no input during the load (Node may click once the page has settled).
  const B = (window.__bench = {
    lt: [], ls: [], lcp: [], loaf: [], fcp: null, fid: null,
    takeover: null, clickSent: null, clickTs: null, clickHandled: null, response: null, responseFrame: null,
  });
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
  observe('largest-contentful-paint', (e) => B.lcp.push({ t: e.startTime, size: e.size, el: e.element ? describe(e.element) : (e.url || '(node since removed)') }));
  observe('layout-shift', (e) => B.ls.push({
    t: e.startTime, v: e.value, input: e.hadRecentInput,
    sources: (e.sources || []).map((s) => describe(s.node)).slice(0, 4),
  }));
  observe('longtask', (e) => B.lt.push({ t: e.startTime, d: e.duration }));
  observe('first-input', (e) => { B.fid = { t: e.startTime, delay: e.processingStart - e.startTime, duration: e.duration }; });
  addEventListener('click', (e) => {
    if (e.isTrusted && B.clickTs === null) { B.clickTs = e.timeStamp; B.clickHandled = performance.now(); }
  }, true);

  const GEN3 = 'a.node[data-gen="3"]';
  const signal = (msg) => { try { window.__benchSignal(msg); } catch { /* not a measured context */ } };
  const watchResponse = new MutationObserver(() => {
    if (B.response !== null || !document.querySelector(`${GEN3}[aria-current="step"]`)) return;
    B.response = performance.now();
    watchResponse.disconnect();
    requestAnimationFrame(() => { B.responseFrame = performance.now(); signal({ kind: 'response' }); });
  });
  const watchTakeover = new MutationObserver(() => {
    const root = document.documentElement;
    if (B.takeover !== null || !root || !root.classList.contains('taken-over')) return;
    B.takeover = performance.now();
    watchTakeover.disconnect();
    watchResponse.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-current'] });
    if (mode !== 'interactive') return;
    // The app mounts and swaps itself in within the task that set the class; the click comes after it and after
    // the next frame (a reader cannot click what is not drawn yet). Not after the FCP entry: observers are
    // notified late, in low-priority tasks.
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
  watchTakeover.observe(document, { subtree: true, attributes: true, attributeFilter: ['class'] });
}

/** Reads what benchInit recorded, plus navigation timing. */
export function benchRead() {
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    ...window.__bench,
    nav: nav ? { responseEnd: nav.responseEnd, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd } : null,
    now: performance.now(),
    takenOver: document.documentElement.classList.contains('taken-over'),
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

/** Size in bytes of the app's WebAssembly.Memory, through the wasm-bindgen glue (its init returns the exports). */
export async function wasmMemoryBytes() {
  const names = performance.getEntriesByType('resource').map((e) => e.name);
  const wasmUrl = names.find((n) => /_bg\.wasm(\?|$)/.test(n));
  if (!wasmUrl) return null;
  const glue = wasmUrl.replace(/_bg\.wasm(\?.*)?$/, '.js');
  if (!names.includes(glue)) return null;
  try {
    const m = await import(glue); // the same module instance the page loaded (module map)
    const exports = await m.default(); // already initialised: returns the existing exports
    return exports && exports.memory instanceof WebAssembly.Memory ? exports.memory.buffer.byteLength : null;
  } catch {
    return null;
  }
}
