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

    /// The command for a keyboard key (`KeyboardEvent.key`), if the app answers it.
    /// Space (play/pause) is not here: it only acts while the timeline has focus.
    pub fn for_key(key: &str) -> Option<Command> {
        Some(match key {
            "ArrowRight" | "Right" => Command::Next,
            "ArrowLeft" | "Left" => Command::Prev,
            "Home" => Command::First,
            "End" => Command::Last,
            "Escape" | "Esc" => Command::Overview,
            _ => {
                let digit = key.strip_prefix("Digit").unwrap_or(key);
                let n: u8 = digit.parse().ok()?;
                if digit.len() != 1 {
                    return None;
                }
                Command::Jump(GenerationId::new(n)?)
            }
        })
    }
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
        assert_eq!(Command::for_key("ArrowRight"), Some(Command::Next));
        assert_eq!(Command::for_key("ArrowLeft"), Some(Command::Prev));
        assert_eq!(Command::for_key("Home"), Some(Command::First));
        assert_eq!(Command::for_key("End"), Some(Command::Last));
        assert_eq!(Command::for_key("Escape"), Some(Command::Overview));
        for n in 1..=6 {
            assert_eq!(Command::for_key(&n.to_string()), Some(Command::Jump(g(n))));
        }
        for key in ["0", "7", "9", "10", " ", "a", "Enter", "Tab", "", "+1", "١"] {
            assert_eq!(Command::for_key(key), None, "{key:?}");
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
