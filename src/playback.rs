//! Playback: walks the generations 1 → 6, one step every [`PLAY_STEP`], and stops at the end or when the
//! reader moves. What a step does is `nav::play_step`; this is only the timer.

use std::time::Duration;

use leptos::prelude::*;

use crate::nav::{PlayState, play_start, play_step};
use crate::platform::{self, HistoryMode};
use crate::route::View;
use crate::router::Router;

/// How long playback lingers on each generation.
pub const PLAY_STEP: Duration = Duration::from_millis(3500);

/// Whether playback runs, and its controls. `Copy`, provided by [`crate::App`].
#[derive(Clone, Copy)]
pub struct Playback {
    /// Whether playback runs, or has just reached the end.
    pub state: RwSignal<PlayState>,
    router: Router,
}

impl Playback {
    /// Playback that moves `router` on every `step` while it runs.
    pub fn install(router: Router, step: Duration) -> Playback {
        let playback = Playback {
            state: RwSignal::new(PlayState::Stopped),
            router,
        };
        if platform::IN_BROWSER {
            playback.drive(step);
        }
        playback
    }

    /// While playing, one timer waits for the next step. It lives in the effect: it is cleared whenever
    /// playback or the active generation changes, and when the app goes. The reader's own moves stop it.
    fn drive(self, step: Duration) {
        let Playback { state, router } = self;
        crate::effect(move |_| {
            if state.get() != PlayState::Playing {
                return;
            }
            let current = router.active();
            let next_step = move || match play_step(current) {
                Some(next) => router.show(View::Generation(next), HistoryMode::Replace),
                None => state.set(PlayState::Finished),
            };
            if let Ok(timer) = set_timeout_with_handle(next_step, step) {
                on_cleanup(move || timer.clear());
            }
        });
        crate::effect(move |first| {
            router.track_reader_moves();
            if !first {
                state.set(PlayState::Stopped);
            }
        });
    }

    /// Play from where the reader is (or from 1 at the end), or pause.
    pub fn toggle(self) {
        if self.state.get_untracked() == PlayState::Playing {
            self.state.set(PlayState::Stopped);
        } else {
            let start = play_start(self.router.view.get_untracked().generation());
            if Some(start) != self.router.view.get_untracked().generation() {
                self.router.show(View::Generation(start), HistoryMode::Push);
            }
            self.state.set(PlayState::Playing);
        }
    }
}

/// The playback provided by [`crate::App`].
pub fn use_playback() -> Playback {
    crate::context()
}
