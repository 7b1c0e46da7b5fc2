//! The app's own words (buttons, labels, notices, announcements), in both languages. The post's words live in `data`.

use crate::data::{GenerationId, Lang, Text};
use crate::nav::PlayState;

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
    "키보드: ←/→ 이전·다음 세대, Home/End 처음·끝, 1~6 바로 가기, Esc 전체 보기, 타임라인에서 Space 재생/일시 정지",
    "Keyboard: ←/→ previous/next, Home/End first/last, 1–6 jump, Esc all generations, Space in the timeline plays/pauses",
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

/// What the live region says after a change: the newly active generation, and playback starting or
/// stopping. `None` when nothing worth saying changed.
pub fn announcement(
    lang: Lang,
    before: (Option<GenerationId>, PlayState),
    after: (Option<GenerationId>, PlayState),
) -> Option<String> {
    let (was_active, was_playing) = before;
    let (active, playing) = after;
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
    if active != was_active {
        parts.push(match active {
            Some(id) => {
                let g = id.generation();
                format!("{}: {}", g.label.get(lang), g.node_title.get(lang))
            }
            None => OVERVIEW_SHOWN.get(lang).to_owned(),
        });
    }
    (!parts.is_empty()).then(|| parts.join(". "))
}

/// The notice for a URL fragment the app does not understand.
pub fn bad_link(lang: Lang, excerpt: &str) -> String {
    match lang {
        Lang::Ko => format!("주소의 “{excerpt}” 부분을 이해하지 못해 전체 보기를 보여 드립니다."),
        Lang::En => format!(
            "We couldn't make sense of “{excerpt}” in the address, so here are all generations."
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

/// The document title: the active generation first, then the post's title.
pub fn document_title(lang: Lang, active: Option<GenerationId>) -> String {
    let site = crate::data::SITE.title.get(lang);
    match active {
        Some(id) => {
            let g = id.generation();
            format!("{}: {} — {site}", g.label.get(lang), g.node_title.get(lang))
        }
        None => site.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_the_generation() {
        let g3 = GenerationId::new(3).unwrap();
        let title = document_title(Lang::Ko, Some(g3));
        assert!(title.starts_with("3세대: 컨테이너 시대"), "{title}");
        assert_eq!(document_title(Lang::Ko, None), "웹 인프라 진화");
        assert_eq!(progress(Lang::Ko, Some(g3)), "전체 6개 세대 중 3세대");
        assert_eq!(progress(Lang::Ko, None), "전체 보기 (6개 세대)");
    }

    #[test]
    fn announcements_say_what_changed_and_only_that() {
        let g = |n| GenerationId::new(n);
        let (play, stop, fin) = (PlayState::Playing, PlayState::Stopped, PlayState::Finished);
        assert_eq!(
            announcement(Lang::Ko, (g(2), stop), (g(3), stop)).as_deref(),
            Some("3세대: 컨테이너 시대")
        );
        assert_eq!(
            announcement(Lang::En, (None, stop), (g(1), play)).as_deref(),
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
            announcement(Lang::Ko, (g(4), stop), (None, stop)).as_deref(),
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
