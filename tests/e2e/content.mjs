// The words the tests look for, in one place.
// - The post's words come from content/generations.toml, the file the app compiles in (read with smol-toml), so a
//   content edit cannot leave a stale copy here.
// - The app's own words (buttons, labels, notices: src/strings.rs, index.html, assets/sw-register.js) are expected
//   values, kept once, below.
// - The page carries every text in both languages (<span class="ko" lang="ko">…</span><span class="en" lang="en">…</span>)
//   and the stylesheet hides the one <html lang> does not name: compare these words with what is shown (innerText,
//   toHaveText(…, { useInnerText: true }), accessible names), never with textContent, which holds both.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { ROOT } from './server.mjs';

const toml = parse(readFileSync(join(ROOT, 'content/generations.toml'), 'utf8'));

/** `[site]`: title, heading, rows, captions, column names and the section labels, each `{ ko, en }`. */
export const SITE = toml.site;
/** `[[generation]]` 1..6, as written (`label`, `node_title`, `heading`, `english_name`, `overview`, …). */
export const GENERATIONS = toml.generation;
export const LANGS = ['ko', 'en'];
export const LOCALES = { ko: 'ko-KR', en: 'en-US' };

/** The app's own words (src/strings.rs, the boot text in index.html, the update prompt of assets/sw-register.js). */
const UI = {
  ko: {
    timeline: '세대 타임라인',
    play: '재생',
    playAgain: '처음부터 재생',
    pause: '일시 정지',
    playing: '재생 중',
    paused: '일시 정지됨',
    finished: '재생을 마쳤습니다',
    theme: '테마',
    themeSystem: '시스템 설정 따르기',
    toOverview: '전체 보기로 돌아가기',
    prev: '이전 세대',
    next: '다음 세대',
    dismiss: '닫기',
    skip: '본문으로 건너뛰기',
    otherLanguage: 'English',
    /** The bad-link notice says it shows the overview ("전체 보기"), also the live region's word for it. */
    noticeOverview: '전체 보기',
    overviewShown: '전체 보기',
    bootFailed: '불러오지 못했습니다',
    leadsTo: (g) => `다음 세대는 ${g.label.ko}: ${g.node_title.ko}입니다`,
  },
  en: {
    timeline: 'Generation timeline',
    play: 'Play',
    playAgain: 'Play again',
    pause: 'Pause',
    playing: 'Playing',
    paused: 'Paused',
    finished: 'Playback finished',
    theme: 'Theme',
    themeSystem: 'Follow system',
    toOverview: 'Back to all generations',
    prev: 'Previous generation',
    next: 'Next generation',
    dismiss: 'Dismiss',
    skip: 'Skip to main content',
    otherLanguage: '한국어',
    noticeOverview: 'all generations',
    overviewShown: 'All generations',
    bootFailed: 'could not load',
    leadsTo: (g) => `Leads to ${g.label.en}: ${g.node_title.en}`,
  },
};

/** The update prompt after a new deploy is in both languages at once. */
export const UPDATE_PROMPT = { text: [/새 버전/, /new version/i], button: /새로 고침.*Reload/ };

/** Storage keys the app uses (src/prefs.rs, assets/boot.js). */
export const STORAGE = { lang: 'wie.lang', theme: 'wie.theme' };

export const HANGUL = /[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]/;

/** Generation `n` (1..6) of the content file. */
export function generation(n) {
  const g = GENERATIONS.find((x) => x.id === Number(n));
  if (!g) throw new Error(`content/generations.toml has no generation ${n}`);
  return g;
}

/**
 * Everything in one language: the app's words (`ui`), the site's, and per generation what the page shows of it.
 * @param {'ko'|'en'} lang
 */
export function words(lang) {
  if (!LANGS.includes(lang)) throw new Error(`no language ${lang}`);
  const pick = (t) => t[lang];
  return {
    lang,
    ui: UI[lang],
    title: pick(SITE.title),
    overviewHeading: pick(SITE.heading),
    rows: SITE.rows.map(pick),
    diagramCaption: pick(SITE.diagram_caption),
    summaryCaption: pick(SITE.summary_caption),
    summaryColumns: SITE.summary_columns.map(pick),
    sections: {
      overview: pick(SITE.overview),
      features: pick(SITE.features),
      pros: pick(SITE.pros),
      cons: pick(SITE.cons),
      technologies: pick(SITE.technologies),
    },
    /** The timeline's label of generation n ("3세대", "Generation 3"). */
    label: (n) => pick(generation(n).label),
    nodeTitle: (n) => pick(generation(n).node_title),
    nodeTitles: GENERATIONS.map((g) => pick(g.node_title)),
    /** What the live region says when generation n becomes active. */
    announcement: (n) => `${pick(generation(n).label)}: ${pick(generation(n).node_title)}`,
    /**
     * The detail's heading as shown: "컨테이너 시대 (Containerization)" in Korean, with the post's English gloss;
     * in English just the English heading ("Container Era"), where the gloss would repeat it.
     */
    detailHeading: (n) => (lang === 'ko' ? `${pick(generation(n).heading)} (${generation(n).english_name})` : pick(generation(n).heading)),
    /** The document title on generation n. */
    docTitle: (n) => `${pick(generation(n).label)}: ${pick(generation(n).node_title)} — ${pick(SITE.title)}`,
  };
}
