//! The app's reactive state, shared through context: the route (from `location.hash`), the language and playback.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsValue;

use crate::data::{GenerationId, Lang};
use crate::nav::{Command, Direction, play_start, play_step};
use crate::prefs::{self, LANG_KEY, THEME_KEY, Theme, storage};
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
    /// The language everything is shown in: the link's, else the saved one, else the browser's.
    pub lang: Memo<Lang>,
    /// The language the reader saved, if any.
    saved_lang: RwSignal<Option<Lang>>,
    /// The colour theme the reader chose (saved).
    pub theme: RwSignal<Theme>,
    /// Whether the system prefers dark, kept current.
    system_dark: RwSignal<bool>,
    /// Which way the reader last moved.
    pub direction: Memo<Direction>,
    /// Whether playback is running.
    pub playing: RwSignal<bool>,
}

/// Whether this build runs in a browser (the wasm). The native build renders the first view to HTML at
/// build time (`src/prerender.rs`): there it sees an empty URL, nothing saved, Korean, and no events.
pub const IN_BROWSER: bool = cfg!(target_arch = "wasm32");

fn current_hash() -> String {
    if !IN_BROWSER {
        return String::new();
    }
    window().location().hash().unwrap_or_default()
}

impl AppState {
    /// Creates the state from the current URL and starts following the browser's history.
    pub fn install() -> AppState {
        let hash = RwSignal::new(current_hash());
        let parsed = Memo::new(move |_| hash.with(|h| Route::parse(h)));
        let route = Memo::new(move |_| parsed.get().unwrap_or_default());
        let active = Memo::new(move |_| route.get().generation);
        let saved_lang = RwSignal::new(storage::get(LANG_KEY).as_deref().and_then(Lang::from_code));
        let browser_lang = browser_lang();
        // A bad link's own `?lang=` still decides the language of the notice about it.
        let asked_lang = Memo::new(move |_| match parsed.get() {
            Ok(route) => route.lang,
            Err(err) => err.lang,
        });
        let lang = Memo::new(move |_| {
            prefs::resolve_lang(asked_lang.get(), saved_lang.get(), browser_lang)
        });
        let theme = RwSignal::new(
            storage::get(THEME_KEY)
                .as_deref()
                .and_then(Theme::from_code)
                .unwrap_or_default(),
        );
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
            saved_lang,
            theme,
            system_dark: RwSignal::new(false),
            direction,
            playing: RwSignal::new(false),
        };
        if IN_BROWSER {
            state.follow_history();
            state.drive_playback();
            state.apply_theme();
        }
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

    /// Keeps `<html data-theme>` in step with the chosen theme and, for "system", with the system's preference.
    fn apply_theme(self) {
        let query = window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten();
        if let Some(query) = query {
            self.system_dark.set(query.matches());
            let listener = gloo_events::EventListener::new(&query, "change", move |_| {
                if let Ok(Some(q)) = window().match_media("(prefers-color-scheme: dark)") {
                    self.system_dark.set(q.matches());
                }
            });
            let listener = SendWrapper::new(listener);
            on_cleanup(move || drop(listener));
        }
        Effect::new(move |_| {
            let dark = self.theme.get().is_dark(self.system_dark.get());
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
            }
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
        self.write_url(self.route.get_untracked().with_generation(target), mode);
    }

    /// Writes `route` into the URL and follows it.
    fn write_url(self, route: Route, mode: HistoryMode) {
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

    /// Switches the language: written into the link (so a shared link keeps it) and saved for next time.
    pub fn set_lang(self, lang: Lang) {
        storage::set(LANG_KEY, lang.code());
        self.saved_lang.set(Some(lang));
        let route = self.route.get_untracked().with_lang(Some(lang));
        self.write_url(route, HistoryMode::Replace);
    }

    /// Switches and saves the colour theme.
    pub fn set_theme(self, theme: Theme) {
        storage::set(THEME_KEY, theme.code());
        self.theme.set(theme);
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

/// The browser's preferred language (`navigator.languages`, else `navigator.language`).
fn browser_lang() -> Lang {
    if !IN_BROWSER {
        return Lang::default();
    }
    let navigator = window().navigator();
    let languages: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(navigator.language())
        .collect();
    prefs::lang_from_browser(languages.iter().map(String::as_str))
}

/// The state provided by [`crate::App`].
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
