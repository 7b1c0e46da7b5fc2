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
    /** …and for a link that makes partial sense, that it shows the nearest view. */
    noticeNearest: '가장 가까운 보기',
    overviewShown: '전체 보기',
    bootFailed: '불러오지 못했습니다',
    leadsTo: (g) => `다음 세대는 ${g.label.ko}: ${g.node_title.ko}입니다`,
    views: '다른 보기',
    compare: '세대 비교',
    compareWith: '다른 세대와 비교',
    comparePick: '비교할 세대 (2~3개)',
    aspect: '항목',
    moveLeft: '왼쪽으로',
    remove: '빼기',
    notInPost: '글에 없음',
    onlyHere: '비교한 다른 세대에는 없음',
    techIndex: '기술 찾아보기',
    alphabetical: '가나다·알파벳순',
    byGeneration: '세대별',
    flowchart: '흐름도',
    tools: '공유와 내보내기',
    embedCode: '임베드 코드 복사',
    embedCopied: '임베드 코드를 복사했습니다.',
    /** The embed's link to the same view in the full app (with a "↗" after it). */
    embedFull: '전체 앱에서 열기',
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
    noticeNearest: 'the nearest view',
    overviewShown: 'All generations',
    bootFailed: 'could not load',
    leadsTo: (g) => `Leads to ${g.label.en}: ${g.node_title.en}`,
    views: 'Other views',
    compare: 'Compare generations',
    compareWith: 'Compare with others',
    comparePick: 'Generations to compare (2–3)',
    aspect: 'Aspect',
    moveLeft: 'Move left',
    remove: 'Remove',
    notInPost: 'Not given in the post',
    onlyHere: 'not in every other generation compared',
    techIndex: 'Technology index',
    alphabetical: 'Alphabetical',
    byGeneration: 'By generation',
    flowchart: 'Flowchart',
    tools: 'Share and export',
    embedCode: 'Copy embed code',
    embedCopied: 'Embed code copied.',
    embedFull: 'Open the full app',
  },
};

/** The update prompt after a new deploy is in both languages at once. */
export const UPDATE_PROMPT = { text: [/새 버전/, /new version/i], button: /새로 고침.*Reload/ };

/**
 * The tools at the page's foot, the keyboard help and the presentation (issue 14: src/strings.rs), in each
 * language; `words(lang).tools`.
 */
export const TOOL_WORDS = {
  ko: {
    tools: '공유와 내보내기',
    helpButton: '단축키 (?)',
    help: '단축키',
    helpSections: ['어디서나', '타임라인에서', '발표 모드에서'],
    close: '닫기',
    presentStart: '발표 모드',
    copyLink: '링크 복사',
    share: '공유…',
    cite: '인용 복사',
    bibtex: 'BibTeX 복사',
    linkCopied: '링크를 복사했습니다.',
    citationCopied: '인용을 복사했습니다.',
    copyByHand: '복사하지 못했습니다. 아래 내용을 직접 선택해 복사하세요.',
    present: '발표',
    prevSlide: '← 이전 장',
    nextSlide: '다음 장 →',
    fullscreen: '전체 화면',
    presentExit: '발표 끝내기',
  },
  en: {
    tools: 'Share and export',
    helpButton: 'Keyboard shortcuts (?)',
    help: 'Keyboard shortcuts',
    helpSections: ['Anywhere', 'In the timeline', 'In the presentation'],
    close: 'Close',
    presentStart: 'Presentation mode',
    copyLink: 'Copy link',
    share: 'Share…',
    cite: 'Copy citation',
    bibtex: 'Copy BibTeX',
    linkCopied: 'Link copied.',
    citationCopied: 'Citation copied.',
    copyByHand: 'Could not copy. Select the text below and copy it yourself.',
    present: 'Presentation',
    prevSlide: '← Previous slide',
    nextSlide: 'Next slide →',
    fullscreen: 'Full screen',
    presentExit: 'Leave the presentation',
  },
};

/** Storage keys the app uses (src/prefs.rs, assets/boot.js). */
export const STORAGE = { lang: 'wie.lang', theme: 'wie.theme' };

/**
 * The sign before a compared generation's label in the timeline (style/views.css: "\2713\FE0E"), and the words
 * screen readers get for it instead (CSS content's alternative text, where the browser has it, as Chromium does).
 */
export const COMPARED_SIGN = '\u2713\uFE0E';
export const COMPARED_WORDS = { ko: '비교 중:', en: 'Compared:' };

export const HANGUL = /[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]/;

/**
 * Every technology the post names, derived here from the content file as issue 12 describes it (independently of
 * the app's build step): the flowchart node subtitles that list technologies (`A / B / C`), the two tables'
 * technology columns and each generation's 대표 기술 row. Alphabetical (ignoring case); each with its mentions
 * `{ gen, place }` in generation order and, within a generation, in the order node, diagram, summary, items.
 * Places: 'node' | 'diagram' | 'summary' | 'items'.
 */
export const TECHNOLOGIES = (() => {
  const index = new Map();
  for (const g of GENERATIONS) {
    const node = g.node_subtitle.en.includes(' / ') ? g.node_subtitle.en.split(' / ').map((s) => s.trim()) : [];
    const places = [['node', node], ['diagram', g.diagram.technologies], ['summary', g.summary.technologies], ['items', g.technologies]];
    for (const [place, names] of places) {
      for (const name of names) {
        if (!index.has(name)) index.set(name, []);
        index.get(name).push({ gen: g.id, place });
      }
    }
  }
  return [...index].map(([name, mentions]) => ({ name, mentions }))
    .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0));
})();

/**
 * The rows of a comparison (src/compare.rs), in order: the aspect's name and the table it comes from (`source`, in
 * both languages, or null), and each generation's value: `{ text }`, `{ rich }` (the overview, with `**`),
 * `{ list }` (features), `{ names }` (technologies) or null where the post gives none.
 */
export const ASPECTS = [
  { name: SITE.diagram_columns[1], source: SITE.diagram_caption, value: (g) => ({ text: g.diagram.concept }) },
  { name: SITE.diagram_columns[2], source: SITE.diagram_caption, value: (g) => ({ names: g.diagram.technologies }) },
  { name: SITE.summary_columns[1], source: SITE.summary_caption, value: (g) => ({ text: g.summary.paradigm }) },
  { name: SITE.summary_columns[2], source: SITE.summary_caption, value: (g) => ({ names: g.summary.technologies }) },
  { name: SITE.summary_columns[3], source: SITE.summary_caption, value: (g) => ({ text: g.summary.benefit }) },
  { name: SITE.overview, source: null, value: (g) => ({ rich: g.overview }) },
  { name: SITE.features, source: null, value: (g) => ({ list: g.features }) },
  { name: SITE.pros, source: null, value: (g) => ({ text: g.pros }) },
  { name: SITE.cons, source: null, value: (g) => (g.cons ? { text: g.cons } : null) },
  { name: SITE.technologies, source: null, value: (g) => (g.technologies.length ? { names: g.technologies } : null) },
];

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
    tools: TOOL_WORDS[lang],
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
    /** A comparison's caption (and the start of its title): "세대 비교: 2세대, 4세대". */
    compareCaption: (ids) => `${UI[lang].compare}: ${ids.map((n) => pick(generation(n).label)).join(', ')}`,
    compareTitle: (ids) => `${UI[lang].compare}: ${ids.map((n) => pick(generation(n).label)).join(', ')} — ${pick(SITE.title)}`,
    /** The document title of the technology index, with `name` in focus or not. */
    techTitle: (name) => `${UI[lang].techIndex}${name ? `: ${name}` : ''} — ${pick(SITE.title)}`,
    /** Where the post names a technology (TECHNOLOGIES' places), in words. */
    place: (p) => ({ node: UI[lang].flowchart, diagram: pick(SITE.diagram_caption), summary: pick(SITE.summary_caption), items: pick(SITE.technologies) })[p],
  };
}
