//! The router: the URL fragment, followed as a signal, is the single source of truth for what is shown.
//! Moving writes the URL first and then follows it; back, forward and hand-edited links are followed too.

use leptos::prelude::*;

use crate::data::{GenerationId, Lang};
use crate::nav::Command;
use crate::platform::{self, HistoryMode};
use crate::route::{Route, RouteError, View};

/// The route and the ways to change it. `Copy`, provided by [`crate::App`]; get it with [`use_router`].
#[derive(Clone, Copy)]
pub struct Router {
    /// The current `location.hash`, kept in step with the browser.
    hash: RwSignal<String>,
    /// The hash, understood.
    pub parsed: Memo<Result<Route, RouteError>>,
    /// What is shown: the link's view, or for a bad link the nearest one.
    pub view: Memo<View>,
    /// Notified when the reader moves (a command, a click, back/forward, an edited link), as opposed to
    /// playback moving on: playback stops on it.
    reader_moved: Trigger,
}

impl Router {
    /// Creates the router from the current URL and starts following the browser's history. When the app
    /// adopts the prerendered page it starts where that page was rendered (the overview) and
    /// [`Router::catch_up`]s.
    pub fn install(adopting: bool) -> Router {
        let hash = RwSignal::new(if adopting {
            String::new()
        } else {
            platform::hash()
        });
        let parsed = Memo::new(move |_| hash.with(|h| Route::parse(h)));
        let view = Memo::new(move |_| {
            parsed.with(|p| match p {
                Ok(route) => route.view,
                Err(err) => err.fallback,
            })
        });
        let router = Router {
            hash,
            parsed,
            view,
            reader_moved: Trigger::new(),
        };
        if platform::IN_BROWSER {
            router.follow_history();
        }
        router
    }

    /// The generation shown in full, `None` for every other view (tracked: the view).
    pub fn active(self) -> Option<GenerationId> {
        self.view.get().generation()
    }

    /// The search query the link carries (`?q=`), `""` for none (tracked: the whole link, which changes
    /// seldom; a memo of each part read from it is code of its own in the wasm).
    pub fn search(self) -> String {
        self.hash.with(|h| crate::route::search_query(h))
    }

    /// The presentation's autoplay the link asks for (`?play=8`: seconds per slide; tracked like
    /// [`Router::search`]).
    pub fn play(self) -> Option<u16> {
        self.hash.with(|h| crate::route::play_seconds(h))
    }

    /// What is shown (tracked): a bad link shows the view nearest to it, in the language it asks for (so
    /// moving on from it, or dismissing its notice, keeps `?lang=`).
    pub fn route(self) -> Route {
        self.parsed.with(|p| match p {
            Ok(route) => *route,
            Err(err) => Route::to(err.fallback).with_lang(err.lang),
        })
    }

    /// The language the link asks for (tracked), also when the rest of the link is bad.
    pub fn asked_lang(self) -> Option<Lang> {
        self.route().lang
    }

    /// The link's fragment as written (tracked), e.g. `#/gen/3?lang=en`.
    pub fn url(self) -> String {
        self.hash.get()
    }

    /// Follows the current URL.
    pub fn catch_up(self) {
        self.hash.set(platform::hash());
    }

    /// Back/forward and hand-edited URLs change the hash: follow it (the reader took over).
    fn follow_history(self) {
        let on_change = move || {
            self.hash.set(platform::hash());
            self.reader_moved.notify();
        };
        let popstate = window_event_listener(leptos::ev::popstate, move |_| on_change());
        let hashchange = window_event_listener(leptos::ev::hashchange, move |_| on_change());
        on_cleanup(move || {
            popstate.remove();
            hashchange.remove();
        });
    }

    /// Writes `route` into the URL and shows it. The app shows the route even where the browser does not
    /// take the new URL: a sandboxed frame refuses history writes, and Chromium silently drops them after a
    /// few hundred in ten seconds (a key held down).
    pub fn write(self, route: Route, mode: HistoryMode) {
        self.write_url(self.url_of(route), mode);
    }

    /// The URL of `route` with the link's search and, in the presentation, its autoplay.
    fn url_of(self, route: Route) -> String {
        let url = crate::route::with_search(route.to_string(), &untrack(|| self.search()));
        match (untrack(|| self.play()), route.view.slide()) {
            (Some(seconds), Some(_)) => crate::route::with_param(url, "play", &seconds.to_string()),
            _ => url,
        }
    }

    /// Writes `url` into the URL and shows it.
    fn write_url(self, url: String, mode: HistoryMode) {
        platform::write_history(&url, mode);
        self.hash.set(url);
    }

    /// Sets the search query (in the link, so that it can be shared). A search begun or cleared is a new history
    /// entry (back returns to the page before it, forward to the query); typing within one replaces the entry:
    /// a keystroke is not a move to go back through.
    pub fn set_search(self, q: &str) {
        let now = untrack(|| self.search());
        if q != now {
            let url = crate::route::with_search(untrack(|| self.route()).to_string(), q);
            let mode = if q.trim().is_empty() == now.trim().is_empty() {
                HistoryMode::Replace
            } else {
                HistoryMode::Push
            };
            self.write_url(url, mode);
        }
    }

    /// Shows `view`, keeping the link's other settings. For playback: the reader's own moves go through
    /// [`Router::go`].
    pub fn show(self, view: View, mode: HistoryMode) {
        let route = untrack(|| self.route());
        self.write(route.with_view(view), mode);
    }

    /// The reader's own move to `view`: a new history entry (when something changes), and playback stops.
    pub fn go(self, view: View) {
        if view != self.view.get_untracked() || self.parsed.get_untracked().is_err() {
            self.show(view, HistoryMode::Push);
        }
        self.reader_moved.notify();
    }

    /// The reader's own move to `target` (or the overview).
    pub fn navigate(self, target: Option<GenerationId>) {
        self.go(View::of(target));
    }

    /// Carries out a reader's command (a key, a button, a swipe): between generations, or in the presentation
    /// between slides (leaving it for the generation on the slide).
    pub fn command(self, command: Command) {
        match self.view.get_untracked() {
            View::Present(slide) => self.go(match slide.apply(command) {
                Some(next) => View::Present(next),
                None => View::of(slide.generation()),
            }),
            _ => self.navigate(command.apply(self.view.get_untracked().generation())),
        }
    }

    /// Replaces a fragment the app could not understand with the one of the view shown instead, without a new
    /// history entry (the reader dismissed the notice about it).
    pub fn clear_bad_link(self) {
        let view = self.view.get_untracked();
        self.show(view, HistoryMode::Replace);
        self.reader_moved.notify();
    }

    /// Tracks the reader's moves (for an effect that reacts to them).
    pub fn track_reader_moves(self) {
        self.reader_moved.track();
    }
}

/// The router provided by [`crate::App`].
pub fn use_router() -> Router {
    crate::context()
}
