//! The app's reactive state, shared through context: the route (from `location.hash`), the language and playback.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsValue;

use crate::data::{GenerationId, Lang};
use crate::nav::{Command, Direction, play_start, play_step};
use crate::route::{Route, RouteError};

/// How long playback lingers on each generation, in milliseconds. `style/tokens.css` has the same
/// figure as `--play-step` for the progress bar's fill; keep them equal.
pub const PLAY_STEP_MS: u32 = 3500;

/// How a navigation is written to the browser's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryMode {
    /// A new entry: the back button returns here. For the reader's own moves.
    Push,
    /// Replace the current entry. For playback, so that six automatic steps don't fill the history.
    Replace,
}

/// Everything the components need to read and change what is shown. `Copy`, passed by context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The current `location.hash`, kept in step with the browser.
    hash: RwSignal<String>,
    /// The hash, understood.
    pub parsed: Memo<Result<Route, RouteError>>,
    /// What is shown: a bad hash shows the overview.
    pub route: Memo<Route>,
    /// The active generation, `None` for the overview.
    pub active: Memo<Option<GenerationId>>,
    /// The language everything is shown in.
    pub lang: Memo<Lang>,
    /// Which way the reader last moved.
    pub direction: Memo<Direction>,
    /// Whether playback is running.
    pub playing: RwSignal<bool>,
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

impl AppState {
    /// Creates the state from the current URL and starts following the browser's history.
    pub fn install() -> AppState {
        let hash = RwSignal::new(current_hash());
        let parsed = Memo::new(move |_| hash.with(|h| Route::parse(h)));
        let route = Memo::new(move |_| parsed.get().unwrap_or_default());
        let active = Memo::new(move |_| route.get().generation);
        let lang = Memo::new(move |_| route.get().lang.unwrap_or_default());
        let direction = Memo::new(move |prev: Option<&(Option<GenerationId>, Direction)>| {
            let to = active.get();
            let from = prev.map(|(last, _)| *last).unwrap_or(to);
            (to, Direction::between(from, to))
        });
        let direction = Memo::new(move |_| direction.get().1);
        let state = AppState {
            hash,
            parsed,
            route,
            active,
            lang,
            direction,
            playing: RwSignal::new(false),
        };
        state.follow_history();
        state.drive_playback();
        state
    }

    /// Back/forward and hand-edited URLs change the hash: follow it, and stop playback (the reader took over).
    fn follow_history(self) {
        let on_change = move || {
            self.playing.set(false);
            self.hash.set(current_hash());
        };
        let popstate = window_event_listener(leptos::ev::popstate, move |_| on_change());
        let hashchange = window_event_listener(leptos::ev::hashchange, move |_| on_change());
        on_cleanup(move || {
            popstate.remove();
            hashchange.remove();
        });
    }

    /// While playing, a timer moves to the next generation every [`PLAY_STEP_MS`]; it stops at 6.
    /// The timer lives in the effect: it is dropped (cancelled) whenever playback or the active
    /// generation changes, and when the app unmounts.
    fn drive_playback(self) {
        Effect::new(move |_| {
            if !self.playing.get() {
                return;
            }
            let current = self.active.get();
            let timer = Timeout::new(PLAY_STEP_MS, move || match play_step(current) {
                Some(next) => self.go(Some(next), HistoryMode::Replace),
                None => self.playing.set(false),
            });
            let timer = SendWrapper::new(timer);
            on_cleanup(move || drop(timer));
        });
    }

    /// Shows `target` (or the overview), writing the URL first so that it stays the source of truth.
    fn go(self, target: Option<GenerationId>, mode: HistoryMode) {
        let route = self.route.get_untracked().with_generation(target);
        let url = route.to_string();
        if let Ok(history) = window().history() {
            let written = match mode {
                HistoryMode::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
                HistoryMode::Replace => {
                    history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
                }
            };
            if written.is_err() {
                // A sandboxed frame may refuse history writes; the app still works, the URL just lags.
                self.hash.set(url);
                return;
            }
        }
        self.hash.set(current_hash());
    }

    /// The reader's own navigation: a new history entry, and playback stops.
    pub fn navigate(self, target: Option<GenerationId>) {
        self.playing.set(false);
        if target != self.active.get_untracked() || self.parsed.get_untracked().is_err() {
            self.go(target, HistoryMode::Push);
        }
    }

    /// Replaces a fragment the app could not understand with the overview's, without a new history entry.
    pub fn clear_bad_link(self) {
        self.go(None, HistoryMode::Replace);
    }

    /// Carries out a reader's command (a key, a button).
    pub fn command(self, command: Command) {
        self.navigate(command.apply(self.active.get_untracked()));
    }

    /// Play from where the reader is (or from 1 at the end), or pause.
    pub fn toggle_play(self) {
        if self.playing.get_untracked() {
            self.playing.set(false);
        } else {
            let start = play_start(self.active.get_untracked());
            if Some(start) != self.active.get_untracked() {
                self.go(Some(start), HistoryMode::Push);
            }
            self.playing.set(true);
        }
    }
}

/// The state provided by [`crate::App`].
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
