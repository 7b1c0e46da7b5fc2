//! The app's own words (buttons, labels, notices, announcements), in both languages. The post's words live in `data`.

use crate::data::{GenerationId, Lang, Place, SITE, Text};
use crate::nav::PlayState;
use crate::route::View;

const fn t(ko: &'static str, en: &'static str) -> Text {
    Text { ko, en }
}

pub const TIMELINE: Text = t("세대 타임라인", "Generation timeline");
pub const PLAY: Text = t("재생", "Play");
pub const PLAY_AGAIN: Text = t("처음부터 재생", "Play again");
pub const PAUSE: Text = t("일시 정지", "Pause");
pub const TO_OVERVIEW: Text = t("전체 보기로 돌아가기", "Back to all generations");
pub const PREV: Text = t("이전 세대", "Previous generation");
pub const NEXT: Text = t("다음 세대", "Next generation");
pub const DISMISS: Text = t("닫기", "Dismiss");
pub const DETAIL_NAV: Text = t("세대 이동", "Move between generations");
pub const KEYS_HINT: Text = t(
    "키보드: ←/→ 이전·다음 세대, Home/End 처음·끝, 1~6 바로 가기, Esc 전체 보기, 타임라인에서 Space 재생/일시 정지, / 찾기",
    "Keyboard: ←/→ previous/next, Home/End first/last, 1–6 jump, Esc all generations, Space in the timeline plays/pauses, / search",
);
pub const INTRO: Text = t(
    "물리 서버에서 에지·분산형 인프라까지, 웹 인프라가 거쳐 온 여섯 세대입니다. 세대를 누르거나 재생을 눌러 차례로 살펴보세요.",
    "From physical servers to edge & decentralized infrastructure: the six generations web infrastructure has gone through. Choose a generation, or press play to walk through them in order.",
);
pub const SKIP_TO_MAIN: Text = t("본문으로 건너뛰기", "Skip to main content");
pub const SETTINGS: Text = t("보기 설정", "Display settings");
pub const LANGUAGE: Text = t("언어", "Language");
pub const THEME: Text = t("테마", "Theme");
pub const THEME_SYSTEM: Text = t("시스템 설정 따르기", "Follow system");
pub const THEME_LIGHT: Text = t("밝은 테마", "Light");
pub const THEME_DARK: Text = t("어두운 테마", "Dark");
pub const PLAYING: Text = t("재생 중", "Playing");
pub const PAUSED: Text = t("일시 정지됨", "Paused");
pub const FINISHED: Text = t("재생을 마쳤습니다", "Playback finished");
pub const OVERVIEW_SHOWN: Text = t("전체 보기", "All generations");
pub const ALL_GENERATIONS: Text = t("세대별 상세", "Each generation in detail");
pub const VIEWS: Text = t("다른 보기", "Other views");
pub const COMPARE: Text = t("세대 비교", "Compare generations");
pub const COMPARE_WITH: Text = t("다른 세대와 비교", "Compare with others");
pub const COMPARE_PICK: Text = t("비교할 세대 (2~3개)", "Generations to compare (2–3)");
pub const ASPECT: Text = t("항목", "Aspect");
pub const MOVE_LEFT: Text = t("왼쪽으로", "Move left");
pub const REMOVE: Text = t("빼기", "Remove");
pub const NOT_IN_POST: Text = t("글에 없음", "Not given in the post");
pub const ONLY_HERE: Text = t(
    "비교한 다른 세대에는 없음",
    "not in every other generation compared",
);
pub const ONLY_HERE_KEY: Text = t(
    "◆ 표시: 비교한 다른 세대에는 나오지 않는 기술입니다.",
    "◆ marks a technology that is not named for every other generation compared.",
);
pub const PICK_KEY: Text = t(
    "타임라인에서 세대를 Shift+클릭하면(키보드로는 Shift+Enter) 비교에 더하거나 뺄 수 있습니다.",
    "Shift+click a generation on the timeline (or press Shift+Enter on it) to add it to the comparison or take it out.",
);
pub const PRESENT: Text = t("발표", "Presentation");
pub const PREV_SLIDE: Text = t("← 이전 장", "← Previous slide");
pub const NEXT_SLIDE: Text = t("다음 장 →", "Next slide →");
pub const FULLSCREEN: Text = t("전체 화면", "Full screen");
pub const PRESENT_EXIT: Text = t("발표 끝내기", "Leave the presentation");
pub const KEYS_HELP: Text = t("단축키", "Keyboard shortcuts");
pub const KEYS_HELP_BUTTON: Text = t("단축키 (?)", "Keyboard shortcuts (?)");
pub const KEYS_PAGE: Text = t("어디서나", "Anywhere");
pub const KEYS_TIMELINE: Text = t("타임라인에서", "In the timeline");
pub const KEYS_PRESENTATION: Text = t("발표 모드에서", "In the presentation");
pub const CLOSE: Text = t("닫기", "Close");
pub const TOOLS: Text = t("공유와 내보내기", "Share and export");
pub const PRESENT_START: Text = t("발표 모드", "Presentation mode");
pub const COPY_LINK: Text = t("링크 복사", "Copy link");
pub const SHARE: Text = t("공유…", "Share…");
pub const CITE: Text = t("인용 복사", "Copy citation");
pub const CITE_BIBTEX: Text = t("BibTeX 복사", "Copy BibTeX");
pub const EXPORT: Text = t("내보내기", "Export");
pub const COPY_BY_HAND: Text = t(
    "복사하지 못했습니다. 아래 내용을 직접 선택해 복사하세요.",
    "Could not copy. Select the text below and copy it yourself.",
);
pub const EXPORT_SUMMARY_CSV: Text = t(
    "세대별 요약 비교 표 (CSV)",
    "Summary comparison table (CSV)",
);
pub const EXPORT_SUMMARY_MD: Text = t(
    "세대별 요약 비교 표 (Markdown)",
    "Summary comparison table (Markdown)",
);
pub const EXPORT_DIAGRAM_CSV: Text = t("다이어그램 설명 표 (CSV)", "Diagram table (CSV)");
pub const EXPORT_DIAGRAM_MD: Text = t("다이어그램 설명 표 (Markdown)", "Diagram table (Markdown)");
pub const EXPORT_ITEMS_CSV: Text = t(
    "세대별 항목/내용 표 (CSV)",
    "Each generation's Item/Details table (CSV)",
);
pub const EXPORT_ITEMS_MD: Text = t(
    "세대별 항목/내용 표 (Markdown)",
    "Each generation's Item/Details table (Markdown)",
);
pub const EXPORT_JSON: Text = t(
    "전체 내용, 두 언어 (JSON)",
    "All content, both languages (JSON)",
);
pub const EXPORT_SVG: Text = t("다이어그램 그림 (SVG)", "The diagram as a picture (SVG)");
pub const EMBED_COPIED: Text = t("임베드 코드를 복사했습니다.", "Embed code copied.");
pub const EMBED_CODE: Text = t("임베드 코드 복사", "Copy embed code");
pub const EMBED_FULL: Text = t("전체 앱에서 열기 ↗", "Open the full app ↗");
pub const EXPORT_BOTH: Text = t(
    "두 언어 모두 (한국어와 영어 열을 나란히)",
    "Both languages (Korean and English columns side by side)",
);
pub const EXPORT_NOTE: Text = t(
    "브라우저에서 바로 만들어 내려받습니다. 세대별 항목/내용 표는 보고 있는 세대의 것이고, 전체 보기에서는 여섯 세대 모두입니다. JSON은 늘 두 언어입니다.",
    "Made in your browser and downloaded. The Item/Details table is the generation shown (all six from the overview). JSON always holds both languages.",
);
pub const LINK_COPIED: Text = t("링크를 복사했습니다.", "Link copied.");
pub const CITATION_COPIED: Text = t("인용을 복사했습니다.", "Citation copied.");
pub const DOWNLOADED: Text = t("파일을 내려받았습니다.", "File downloaded.");
pub const EXPORT_MAKING: Text = t("파일을 만드는 중…", "Making the file…");
pub const EXPORT_FAILED: Text = t(
    "내보내기 도구를 불러오지 못했습니다. 연결을 확인하고 다시 해 보세요.",
    "Could not load the export tools. Check the connection and try again.",
);
pub const TECH_INDEX: Text = t("기술 찾아보기", "Technology index");
pub const TECH_INTRO: Text = t(
    "글에 나오는 기술과, 각 기술이 나오는 세대와 자리입니다.",
    "Every technology the post names, with the generations and places it is named in.",
);
pub const ALPHABETICAL: Text = t("가나다·알파벳순", "Alphabetical");
pub const BY_GENERATION: Text = t("세대별", "By generation");
pub const FLOWCHART: Text = t("흐름도", "Flowchart");
pub const TITLE: Text = t("제목", "Title");
pub const SEARCH: Text = t("글에서 찾기", "Search the post");
pub const SEARCH_RESULTS: Text = t("찾은 결과", "Search results");
pub const SEARCH_NONE: Text = t(
    "찾는 말이 글에 없습니다. 다른 말로 찾거나, 기술 찾아보기에서 기술 이름을 골라 보세요.",
    "The post does not say that. Try other words, or pick a technology from the technology index.",
);

/// How many generations a search found, for the results' heading and the live region.
pub fn search_count(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Ko if count == 0 => "찾은 세대가 없습니다".to_owned(),
        Lang::Ko => format!("{count}개 세대에서 찾았습니다"),
        Lang::En if count == 0 => "Found in no generation".to_owned(),
        Lang::En if count == 1 => "Found in 1 generation".to_owned(),
        Lang::En => format!("Found in {count} generations"),
    }
}

/// Each language's name in itself, for the language switch.
pub const fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Ko => "한국어",
        Lang::En => "English",
    }
}

/// The words for a theme choice.
pub const fn theme_name(theme: crate::theme::Theme) -> Text {
    match theme {
        crate::theme::Theme::System => THEME_SYSTEM,
        crate::theme::Theme::Light => THEME_LIGHT,
        crate::theme::Theme::Dark => THEME_DARK,
    }
}

/// "leads to" for a node: what comes after it in the flowchart.
pub fn leads_to(lang: Lang, next: GenerationId) -> String {
    let g = next.generation();
    match lang {
        Lang::Ko => format!("다음 세대는 {}: {}입니다", g.label.ko, g.node_title.ko),
        Lang::En => format!("Leads to {}: {}", g.label.en, g.node_title.en),
    }
}

/// Where the post names a technology, in words.
pub const fn place(place: Place) -> Text {
    match place {
        Place::Node => FLOWCHART,
        Place::Diagram => SITE.diagram_caption,
        Place::Summary => SITE.summary_caption,
        Place::Items => SITE.technologies,
    }
}

/// A generation's label and title, "3세대: 컨테이너 시대".
fn generation_name(lang: Lang, id: GenerationId) -> String {
    let g = id.generation();
    format!("{}: {}", g.label.get(lang), g.node_title.get(lang))
}

/// What a view is called, for the live region and the title.
pub fn view_name(lang: Lang, view: View) -> String {
    match view {
        View::Overview => OVERVIEW_SHOWN.get(lang).to_owned(),
        View::Generation(id) => generation_name(lang, id),
        View::Compare(selection) => {
            let labels: Vec<&str> = selection
                .ids()
                .iter()
                .map(|id| id.generation().label.get(lang))
                .collect();
            format!("{}: {}", COMPARE.get(lang), labels.join(", "))
        }
        View::Tech(None) => TECH_INDEX.get(lang).to_owned(),
        View::Tech(Some(tech)) => format!("{}: {}", TECH_INDEX.get(lang), tech.technology().name),
        View::Present(slide) => {
            let what = match slide.generation() {
                Some(id) => generation_name(lang, id),
                None => SITE.summary_caption.get(lang).to_owned(),
            };
            format!(
                "{} {}/{}: {what}",
                PRESENT.get(lang),
                slide.get(),
                crate::route::Slide::LAST.get()
            )
        }
    }
}

/// What the live region says after a change: the new view, and playback starting or stopping. `None` when
/// nothing worth saying changed.
pub fn announcement(
    lang: Lang,
    before: (View, PlayState),
    after: (View, PlayState),
) -> Option<String> {
    let (was_shown, was_playing) = before;
    let (shown, playing) = after;
    let mut parts = vec![];
    if playing != was_playing {
        parts.push(
            match playing {
                PlayState::Playing => PLAYING,
                PlayState::Finished => FINISHED,
                PlayState::Stopped => PAUSED,
            }
            .get(lang)
            .to_owned(),
        );
    }
    if shown != was_shown {
        parts.push(view_name(lang, shown));
    }
    (!parts.is_empty()).then(|| parts.join(". "))
}

/// The notice for a URL fragment the app does not understand; `overview`: what is shown instead is the
/// overview (else the view nearest to what the link asked for).
pub fn bad_link(lang: Lang, excerpt: &str, overview: bool) -> String {
    match (lang, overview) {
        (Lang::Ko, true) => {
            format!("주소의 “{excerpt}” 부분을 이해하지 못해 전체 보기를 보여 드립니다.")
        }
        (Lang::Ko, false) => {
            format!("주소의 “{excerpt}” 부분을 이해하지 못해 가장 가까운 보기를 보여 드립니다.")
        }
        (Lang::En, true) => format!(
            "We couldn't make sense of “{excerpt}” in the address, so here are all generations."
        ),
        (Lang::En, false) => format!(
            "We couldn't make sense of all of “{excerpt}” in the address, so here is the nearest view."
        ),
    }
}

/// "3 / 6" style progress, spelled out for screen readers.
pub fn progress(lang: Lang, active: Option<GenerationId>) -> String {
    let total = crate::data::COUNT;
    match (lang, active) {
        (Lang::Ko, Some(id)) => format!("전체 {total}개 세대 중 {id}세대"),
        (Lang::En, Some(id)) => format!("Generation {id} of {total}"),
        (Lang::Ko, None) => format!("전체 보기 ({total}개 세대)"),
        (Lang::En, None) => format!("All generations ({total})"),
    }
}

/// The document title: what is shown first, then the post's title.
pub fn document_title(lang: Lang, view: View) -> String {
    let site = SITE.title.get(lang);
    match view {
        View::Overview => site.to_owned(),
        view => format!("{} — {site}", view_name(lang, view)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_the_generation() {
        let g3 = GenerationId::new(3).unwrap();
        let title = document_title(Lang::Ko, View::Generation(g3));
        assert!(title.starts_with("3세대: 컨테이너 시대"), "{title}");
        assert_eq!(document_title(Lang::Ko, View::Overview), "웹 인프라 진화");
        let k8s = crate::data::TechId::find("Kubernetes").unwrap();
        assert_eq!(
            document_title(Lang::En, View::Tech(Some(k8s))),
            "Technology index: Kubernetes — Web Infrastructure Evolution"
        );
        assert_eq!(progress(Lang::Ko, Some(g3)), "전체 6개 세대 중 3세대");
        assert_eq!(progress(Lang::Ko, None), "전체 보기 (6개 세대)");
    }

    #[test]
    fn announcements_say_what_changed_and_only_that() {
        let g = |n| View::of(GenerationId::new(n));
        let (play, stop, fin) = (PlayState::Playing, PlayState::Stopped, PlayState::Finished);
        assert_eq!(
            announcement(Lang::Ko, (g(2), stop), (g(3), stop)).as_deref(),
            Some("3세대: 컨테이너 시대")
        );
        assert_eq!(
            announcement(Lang::En, (View::Overview, stop), (g(1), play)).as_deref(),
            Some("Playing. Generation 1: Physical Server Era")
        );
        assert_eq!(
            announcement(Lang::Ko, (g(4), play), (g(4), stop)).as_deref(),
            Some("일시 정지됨")
        );
        assert_eq!(
            announcement(Lang::En, (g(5), play), (g(6), fin)).as_deref(),
            Some("Playback finished. Generation 6: Edge & Decentralized Infrastructure")
        );
        assert_eq!(
            announcement(Lang::Ko, (g(4), stop), (View::Overview, stop)).as_deref(),
            Some("전체 보기")
        );
        assert_eq!(announcement(Lang::Ko, (g(4), stop), (g(4), stop)), None);
    }

    #[test]
    fn leads_to_names_the_next_generation() {
        let g3 = GenerationId::new(3).unwrap();
        assert_eq!(
            leads_to(Lang::Ko, g3.next().unwrap()),
            "다음 세대는 4세대: 오케스트레이션 시대입니다"
        );
    }
}
