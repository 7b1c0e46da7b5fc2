// Search latency (issue 12): the time from a keystroke in the search field to the frame that shows its results,
// at 1× and 4× CPU (CDP Emulation.setCPUThrottlingRate), in headless Chromium.
//
// Each run opens the app in a fresh context (desktop viewport, the bench's usual context) and, once the app has
// taken over and the page is quiet, throttles the CPU and types, one step at a time, measuring each step with
// the probe of bench/page.mjs (searchProbe: first input event → the frame that draws the last DOM change of
// the search, `.search-results` or a `.timeline-node`'s found/dimmed class):
// - English (`#/?lang=en`): "kubernetes", one real key press per letter (CDP Input.dispatchKeyEvent through
//   Playwright), then Esc (clears the field) and one paste of 1,000 characters of junk into the empty field
//   (written to the browser's clipboard, then Ctrl+V: a paste event, then input of type insertFromPaste);
// - Korean (`#/`, the app in Korean): "컨테이너" as a 2-beolsik input method types it: each syllable composed
//   jamo by jamo (CDP Input.imeSetComposition; the app searches nothing under composition) and then committed
//   with CDP Input.insertText. The commit is the measured step: it is when the search runs.
// Keys are typed `gap` ms apart (after the previous step's frame), a brisk typist's pace.
import { openApp } from './measure.mjs';
import { searchProbe, searchArm, searchWait, searchEventTiming } from './page.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const SEARCH_RATES = [1, 4];
export const FRAME_MS = 1000 / 60;
export const ENGLISH = 'kubernetes';
/** 컨테이너, syllable by syllable: the composition steps a 2-beolsik IME shows, the last one is committed. */
export const KOREAN = [['ㅋ', '커', '컨'], ['ㅌ', '테'], ['ㅇ', '이'], ['ㄴ', '너']];

/**
 * 1,000 characters (code points) of junk, the same every run: ASCII letters, digits, punctuation and spaces,
 * Hangul syllables and jamo, Latin with diacritics, CJK, emoji, and markup-looking pieces.
 */
export function junk(n = 1000) { // n code points (a few emoji take two UTF-16 units)
  let seed = 12;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const pools = [
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
    ' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~   ',
    '가나다라마바사아자차카타파하컨테이너쿠버네티스웹서버클라우드',
    'ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎㅏㅑㅓㅕ',
    'éèêëàâäôöüçñßøåÉÅ',
    '網際網路伺服器雲端容器',
    ['🏗️', '👨‍👩‍👧', '🚀', '✨', '🔥'],
    ['<script>', '</b>', '&amp;', '%20', '\u202e', '\u200b'],
  ];
  const out = [];
  while (out.length < n) {
    const pool = pools[Math.floor(rnd() * pools.length)];
    const items = Array.isArray(pool) ? pool : Array.from(pool);
    out.push(...Array.from(items[Math.floor(rnd() * items.length)]));
  }
  return out.slice(0, n).join('');
}

/** One run at one CPU rate: an English page and a Korean page, each step measured. */
async function searchRun(browser, url, rate, { gap, log }) {
  const steps = [];
  const errors = [];
  const timeout = 3000 * rate;
  const session = async (hash, fn) => {
    const { context, page, cdp, errors: pageErrors } = await openApp(browser, `${url}${hash}`, null, { instrument: false });
    try {
      await page.evaluate(searchProbe);
      await page.click('#search-field');
      await sleep(300);
      if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await sleep(300);
      const step = async (label, kind, send) => {
        await page.evaluate(searchArm, { label, timeout });
        await send();
        const r = await page.evaluate(searchWait);
        steps.push({ ...r, kind, rate });
        if (r.timedOut) errors.push(`${label}: no update within ${timeout} ms`);
        await sleep(gap);
        return r;
      };
      const first = steps.length;
      await fn({ context, page, cdp, step });
      // Event Timing: each step gets the longest entry that starts within it (steps are `gap` ms apart or more).
      const entries = await page.evaluate(searchEventTiming);
      const mine = steps.slice(first);
      mine.forEach((s, i) => {
        const end = i + 1 < mine.length && mine[i + 1].t0 !== null ? mine[i + 1].t0 : Infinity;
        const et = s.t0 === null ? [] : entries.filter((e) => e.t >= s.t0 - 1 && e.t < end);
        s.eventTiming = et.length ? Math.max(...et.map((e) => e.d)) : null;
        s.eventTimingWhat = et.map((e) => `${e.name} ${Math.round(e.d)}`).join(', ');
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 }).catch(() => {});
    } finally {
      errors.push(...pageErrors);
      await context.close().catch(() => {});
    }
  };
  await session('#/?lang=en', async ({ context, page, step }) => {
    for (const ch of ENGLISH) await step(ch, 'key', () => page.keyboard.press(ch));
    await step('Esc', 'clear', () => page.keyboard.press('Escape'));
    // A real paste: the junk into the (headless browser's own) clipboard first, then Ctrl+V.
    const text = junk();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    const r = await step('paste', 'paste', () => page.keyboard.press('ControlOrMeta+V'));
    if (r.value !== text.length) errors.push(`paste: the field holds ${r.value} UTF-16 units, not ${text.length}`);
  });
  await session('#/', async ({ cdp, step }) => {
    const compose = (t) => cdp.send('Input.imeSetComposition', { text: t, selectionStart: t.length, selectionEnd: t.length });
    for (const jamo of KOREAN) {
      for (const t of jamo) { await compose(t); await sleep(30); }
      const syllable = jamo.at(-1);
      await step(syllable, 'ime', () => cdp.send('Input.insertText', { text: syllable }));
    }
  });
  const typed = steps.filter((s) => s.kind === 'key' || s.kind === 'ime');
  log(`search ${rate}× CPU: ${typed.map((s) => `${s.label} ${s.latency === null ? 'n/a' : Math.round(s.latency)}`).join(' ')} ms; ` +
    `Esc ${fmt(steps.find((s) => s.kind === 'clear'))}, paste ${fmt(steps.find((s) => s.kind === 'paste'))} ms${errors.length ? ` [${errors.join('; ')}]` : ''}`);
  return { steps, errors };
}
const fmt = (s) => (s && s.latency !== null ? `${Math.round(s.latency)}` : 'n/a');

/** `runs` runs per CPU rate (1×, 4×), interleaved. */
export async function searchLatency(browser, url, { runs = 3, gap = 150, log = () => {} } = {}) {
  const out = { rates: SEARCH_RATES, runs, gap, english: ENGLISH, korean: KOREAN.map((j) => j.at(-1)).join(''), junkLength: Array.from(junk()).length, byRate: {} };
  for (const rate of SEARCH_RATES) out.byRate[rate] = { steps: [], errors: [] };
  for (let i = 0; i < runs; i += 1) {
    for (const rate of SEARCH_RATES) {
      const r = await searchRun(browser, url, rate, { gap, log });
      out.byRate[rate].steps.push(...r.steps.map((s) => ({ ...s, run: i + 1 })));
      out.byRate[rate].errors.push(...r.errors);
    }
  }
  return out;
}
