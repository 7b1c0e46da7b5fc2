//! The rules of moving: what a key or a button asks for, where it leads, what a playback step does, and
//! which way a move went. Plain Rust with native tests; `router` and `playback` carry them out.

use crate::data::GenerationId;

/// A move the reader (or playback) asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Next,
    Prev,
    First,
    Last,
    /// Jump straight to a generation.
    Jump(GenerationId),
    /// Back to the overview (no generation selected).
    Overview,
}

impl Command {
    /// Where this command leads from `current` (`None` is the overview).
    ///
    /// From the overview, "next" starts at generation 1 and "previous" at 6; at either end the selection stays.
    pub fn apply(self, current: Option<GenerationId>) -> Option<GenerationId> {
        match (self, current) {
            (Command::Next, None) | (Command::First, _) => Some(GenerationId::FIRST),
            (Command::Prev, None) | (Command::Last, _) => Some(GenerationId::LAST),
            (Command::Next, Some(id)) => Some(id.next().unwrap_or(id)),
            (Command::Prev, Some(id)) => Some(id.prev().unwrap_or(id)),
            (Command::Jump(id), _) => Some(id),
            (Command::Overview, _) => None,
        }
    }
}

/// What a keyboard shortcut does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// A move between generations (between slides, in the presentation).
    Move(Command),
    /// To the generation of the digit typed.
    Jump,
    /// Focus the search field.
    Search,
    /// Show the shortcuts (this table).
    Help,
    /// Play or pause: the timeline's playback; in the presentation, its autoplay (or the next slide).
    Play,
    /// Pick a timeline node to compare (Shift+Enter clicks it: the node's own click handler).
    Pick,
    /// The presentation full screen, or not.
    Fullscreen,
}

/// Where a shortcut works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere on the page (but not while typing in a field).
    Page,
    /// While the timeline has focus.
    Timeline,
    /// In the presentation (`#/present`), before the page's.
    Presentation,
}

/// One keyboard shortcut: the keys it answers, how the help shows them, and what it does.
pub struct Shortcut {
    /// `KeyboardEvent.key` values: the character typed, whatever the keyboard layout (`?` is `?`).
    pub keys: &'static [&'static str],
    /// The keys as the help dialog shows them.
    pub shown: &'static str,
    pub action: Action,
    pub scope: Scope,
    /// What it does, for the help dialog (rendered at build time: the wasm carries no copy).
    #[cfg(not(target_arch = "wasm32"))]
    pub what: crate::data::Text,
}

macro_rules! shortcut {
    ($keys:expr, $shown:expr, $action:expr, $scope:ident, $ko:expr, $en:expr) => {
        Shortcut {
            keys: $keys,
            shown: $shown,
            action: $action,
            scope: Scope::$scope,
            #[cfg(not(target_arch = "wasm32"))]
            what: crate::data::Text { ko: $ko, en: $en },
        }
    };
}

/// Every keyboard shortcut of the app: the key handler (`crate::keys`) answers from this table and the help
/// dialog (`?`) lists it, so the two can't disagree.
pub const SHORTCUTS: &[Shortcut] = &[
    shortcut!(
        &["ArrowRight", "Right"],
        "→",
        Action::Move(Command::Next),
        Page,
        "다음 세대",
        "Next generation"
    ),
    shortcut!(
        &["ArrowLeft", "Left"],
        "←",
        Action::Move(Command::Prev),
        Page,
        "이전 세대",
        "Previous generation"
    ),
    shortcut!(
        &["Home"],
        "Home",
        Action::Move(Command::First),
        Page,
        "첫 세대 (1세대)",
        "First generation"
    ),
    shortcut!(
        &["End"],
        "End",
        Action::Move(Command::Last),
        Page,
        "마지막 세대 (6세대)",
        "Last generation"
    ),
    shortcut!(
        &["1", "2", "3", "4", "5", "6"],
        "1–6",
        Action::Jump,
        Page,
        "그 세대로 바로 가기",
        "Straight to that generation"
    ),
    shortcut!(
        &["Escape", "Esc"],
        "Esc",
        Action::Move(Command::Overview),
        Page,
        "전체 보기 (찾기 칸에서는 찾은 말 지우기)",
        "All generations (in the search field: clear it)"
    ),
    shortcut!(
        &["/"],
        "/",
        Action::Search,
        Page,
        "글에서 찾기",
        "Search the post"
    ),
    shortcut!(
        &["?"],
        "?",
        Action::Help,
        Page,
        "단축키 보기",
        "Show the keyboard shortcuts"
    ),
    shortcut!(
        &[" "],
        "Space",
        Action::Play,
        Timeline,
        "재생 / 일시 정지",
        "Play / pause"
    ),
    shortcut!(
        &[],
        "Shift+Enter",
        Action::Pick,
        Timeline,
        "비교에 더하기 / 빼기 (Shift+클릭도 같음)",
        "Add to or take out of the comparison (so does Shift+click)"
    ),
    shortcut!(
        &["ArrowRight", "Right", "PageDown"],
        "→ PageDown",
        Action::Move(Command::Next),
        Presentation,
        "다음 장",
        "Next slide"
    ),
    shortcut!(
        &["ArrowLeft", "Left", "PageUp"],
        "← PageUp",
        Action::Move(Command::Prev),
        Presentation,
        "이전 장",
        "Previous slide"
    ),
    shortcut!(
        &[" "],
        "Space",
        Action::Play,
        Presentation,
        "다음 장 (자동 넘김이 멈춰 있으면 다시 시작)",
        "Next slide (or resume the autoplay, if paused)"
    ),
    shortcut!(
        &["f", "F"],
        "F",
        Action::Fullscreen,
        Presentation,
        "전체 화면 켜기 / 끄기",
        "Full screen on / off"
    ),
    shortcut!(
        &["Escape", "Esc"],
        "Esc",
        Action::Move(Command::Overview),
        Presentation,
        "발표 끝내기",
        "Leave the presentation"
    ),
];

/// What `key` does anywhere on the page (`presenting`: in the presentation, whose shortcuts come first).
pub fn shortcut(key: &str, presenting: bool) -> Option<Action> {
    let in_scope =
        |scope: Scope| scope == Scope::Page || (presenting && scope == Scope::Presentation);
    let mut found = SHORTCUTS
        .iter()
        .filter(|s| in_scope(s.scope) && s.keys.contains(&key));
    // The presentation's own entries are listed after the page's: the last match wins.
    found.next_back().map(|s| s.action)
}

/// The generation a digit key names (`1`…`6`).
pub fn digit(key: &str) -> Option<GenerationId> {
    let n: u8 = key.parse().ok()?;
    (key.len() == 1).then_some(())?;
    GenerationId::new(n)
}

/// What playback does from `current`: `Some(next)` to show, or `None` when it has reached the end.
pub fn play_step(current: Option<GenerationId>) -> Option<GenerationId> {
    match current {
        None => Some(GenerationId::FIRST),
        Some(id) => id.next(),
    }
}

/// Where pressing play starts: from the overview or the last generation it starts over at 1,
/// elsewhere it goes on from where the reader is.
pub fn play_start(current: Option<GenerationId>) -> GenerationId {
    match current {
        Some(id) if id != GenerationId::LAST => id,
        _ => GenerationId::FIRST,
    }
}

/// Whether playback runs, and whether it has just reached the end.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PlayState {
    /// Not playing (never started, paused, or stopped by the reader's own move).
    #[default]
    Stopped,
    Playing,
    /// Played through to the last generation (until the reader moves or plays again).
    Finished,
}

/// Which way the reader moved, for the direction of the detail view's animation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Direction {
    Forward,
    Backward,
    /// From or to the overview, or the first render.
    #[default]
    None,
}

impl Direction {
    pub fn between(from: Option<GenerationId>, to: Option<GenerationId>) -> Direction {
        match (from, to) {
            (Some(a), Some(b)) if b > a => Direction::Forward,
            (Some(a), Some(b)) if b < a => Direction::Backward,
            _ => Direction::None,
        }
    }

    /// The CSS class that animates the entrance.
    pub const fn class(self) -> &'static str {
        match self {
            Direction::Forward => "enter-forward",
            Direction::Backward => "enter-backward",
            Direction::None => "enter-fade",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(n: u8) -> GenerationId {
        GenerationId::new(n).unwrap()
    }

    #[test]
    fn next_and_prev_stop_at_the_ends() {
        assert_eq!(Command::Next.apply(None), Some(g(1)));
        assert_eq!(Command::Next.apply(Some(g(3))), Some(g(4)));
        assert_eq!(Command::Next.apply(Some(g(6))), Some(g(6)));
        assert_eq!(Command::Prev.apply(None), Some(g(6)));
        assert_eq!(Command::Prev.apply(Some(g(3))), Some(g(2)));
        assert_eq!(Command::Prev.apply(Some(g(1))), Some(g(1)));
        assert_eq!(Command::First.apply(Some(g(5))), Some(g(1)));
        assert_eq!(Command::Last.apply(None), Some(g(6)));
        assert_eq!(Command::Jump(g(4)).apply(Some(g(2))), Some(g(4)));
        assert_eq!(Command::Overview.apply(Some(g(2))), None);
    }

    #[test]
    fn keys() {
        let page = |k: &str| shortcut(k, false);
        assert_eq!(page("ArrowRight"), Some(Action::Move(Command::Next)));
        assert_eq!(page("ArrowLeft"), Some(Action::Move(Command::Prev)));
        assert_eq!(page("Home"), Some(Action::Move(Command::First)));
        assert_eq!(page("End"), Some(Action::Move(Command::Last)));
        assert_eq!(page("Escape"), Some(Action::Move(Command::Overview)));
        assert_eq!(page("/"), Some(Action::Search));
        assert_eq!(page("?"), Some(Action::Help));
        for n in 1..=6 {
            assert_eq!(page(&n.to_string()), Some(Action::Jump));
            assert_eq!(digit(&n.to_string()), Some(g(n)));
        }
        for key in ["0", "7", "9", "10", "+1", "١", ""] {
            assert_eq!(digit(key), None, "{key:?}");
        }
        // Space belongs to the timeline (its own handler); the presentation's keys only there.
        for key in [" ", "a", "Enter", "Tab", "", "PageDown", "f", "F"] {
            assert_eq!(page(key), None, "{key:?}");
        }
        let presenting = |k: &str| shortcut(k, true);
        assert_eq!(presenting("PageDown"), Some(Action::Move(Command::Next)));
        assert_eq!(presenting("PageUp"), Some(Action::Move(Command::Prev)));
        assert_eq!(presenting(" "), Some(Action::Play));
        assert_eq!(presenting("F"), Some(Action::Fullscreen));
        assert_eq!(presenting("?"), Some(Action::Help));
        assert_eq!(presenting("Home"), Some(Action::Move(Command::First)));
    }

    /// Every entry the help lists has its words and, unless another handler answers it, its keys.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_table_is_complete() {
        for s in SHORTCUTS {
            assert!(!s.shown.is_empty() && !s.what.ko.is_empty() && !s.what.en.is_empty());
            assert!(
                !s.keys.is_empty() || s.action == Action::Pick,
                "{}",
                s.shown
            );
        }
    }

    #[test]
    fn playback_walks_one_to_six_then_stops() {
        let mut seen = vec![];
        let mut cur = Some(play_start(None));
        while let Some(id) = cur {
            seen.push(id.get());
            cur = play_step(Some(id));
        }
        assert_eq!(seen, [1, 2, 3, 4, 5, 6]);
        assert_eq!(play_start(Some(g(6))), g(1));
        assert_eq!(play_start(Some(g(3))), g(3));
    }

    #[test]
    fn direction() {
        assert_eq!(
            Direction::between(Some(g(1)), Some(g(2))),
            Direction::Forward
        );
        assert_eq!(
            Direction::between(Some(g(5)), Some(g(2))),
            Direction::Backward
        );
        assert_eq!(Direction::between(None, Some(g(2))), Direction::None);
        assert_eq!(Direction::between(Some(g(2)), Some(g(2))), Direction::None);
    }
}
