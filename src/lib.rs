//! Web infrastructure evolution: the six generations of web infrastructure, told as an interactive app.
//!
//! Layers, each depending only on those above it:
//! - `data` (the compiled-in content), `route` (the URL scheme) and `nav` (moves and playback steps): plain
//!   Rust, tested natively;
//! - `platform`: the browser (fragment, history, languages, storage, dark mode), nothing of the app;
//! - state, one concern each, provided as small `Copy` contexts: `router`, `language`, `theme`, `playback`;
//! - behaviour around the views: `keys` (shortcuts), `focus` (focus that navigation would drop), `document`
//!   (`<html lang>`, title), `announcer` (live region), `print` (the print edition);
//! - `components`: what is shown, one file per visible piece; `strings`: the app's own words.
//!
//! The page is rendered at build time, natively, by [`App`] and the components (`src/prerender.rs`); in the browser
//! `start` adopts it: each view's `adopt` marks its state on the page's elements and follows their events. The wasm
//! renders no view of its own (bytes: issue 9).

#![recursion_limit = "256"]

#[cfg(target_arch = "wasm32")]
pub mod allocator;
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: allocator::Counting = allocator::Counting;

pub mod actions;
pub mod announcer;
pub mod compare;
pub mod components;
pub mod data;
pub mod document;
pub mod embed;
pub mod export;
pub mod focus;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod fuzzing;
pub mod keys;
pub mod language;
pub mod links;
pub mod markup;
pub mod nav;
pub mod platform;
pub mod playback;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod present;
#[cfg(not(target_arch = "wasm32"))]
pub mod print;
pub mod route;
pub mod router;
pub mod search;
pub mod strings;
pub mod swipe;
pub mod theme;

use std::time::Duration;

use leptos::prelude::*;

use language::Language;
use playback::{PLAY_STEP, Playback};
use router::Router;
use theme::ThemeChoice;

/// The app's state, one concern each, provided as contexts to the views.
fn install(adopting: bool, play_step: Duration) -> (Router, Language, ThemeChoice) {
    let router = Router::install(adopting);
    let language = Language::install(router, adopting);
    let theme = ThemeChoice::install(adopting);
    let playback = Playback::install(router, play_step);
    provide_context(router);
    provide_context(language);
    provide_context(theme);
    provide_context(playback);
    (router, language, theme)
}

/// The whole app as the page starts (the overview, Korean, nothing saved): header, timeline, the overview, the
/// other views hidden, the post's tables, the print edition and the tools. Rendered at build time
/// (`src/prerender.rs`); in the browser `start` adopts it.
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn App() -> impl IntoView {
    use components::compare::Compare;
    use components::detail::Detail;
    use components::notice::BadLinkNotice;
    use components::overview::Overview;
    use components::search::Search;
    use components::settings::Settings;
    use components::tables::{DiagramTable, SummaryTable};
    use components::tech::TechIndex;
    use components::timeline::Timeline;
    use components::tools::Tools;
    use components::view_links::ViewLinks;
    use data::SITE;
    use language::tr;
    use print::PrintEdition;

    install(false, PLAY_STEP);
    view! {
        // `crate::actions` moves focus to the main content without touching the fragment (which holds the route).
        <a class="skip-link" href="#main">{tr(strings::SKIP_TO_MAIN)}</a>
        <header class="site-header">
            <div class="site-heading">
                <h1 class="site-title">{tr(SITE.title)}</h1>
                <p class="site-date"><time datetime=SITE.date>{SITE.date}</time></p>
            </div>
            <ViewLinks />
            <Settings />
        </header>
        <BadLinkNotice />
        <announcer::Announcer />
        <main id="main" class="site-main" tabindex="-1">
            <Search />
            <Timeline />
            <div class="stage">
                // All stay in the page, all but one hidden: moving between them builds nothing.
                <Overview />
                <Detail />
                <Compare />
                <TechIndex />
            </div>
            <DiagramTable />
            <SummaryTable />
            <PrintEdition />
        </main>
        <Tools />
    }
}

/// The app in the browser, on the page the build rendered, in stages: its state, then each view adopting its part
/// of the page, then the page-wide behaviour. In the browser each stage is a task of its own (with its effects'
/// first runs), so that no task of the start is long (issue 9: TBT); the views that show or hide a part of the page
/// are one stage, so that no frame shows half a change of view. A view's listeners are made before the page-wide
/// ones (keys, links and tools), so they hear an event first, as an element's own listener would before its
/// ancestors'.
#[cfg(target_arch = "wasm32")]
const STAGES: [fn(Duration); 4] = [
    |play_step| {
        let (router, language, theme) = install(true, play_step);
        // The state catches up with the reader's link and saved choices before any view's first run.
        effect(move |_| {
            router.catch_up();
            language.catch_up();
            theme.catch_up();
        });
        // Before any view, which may ask its frame to bring what it shows into view.
        focus::keep_on_moves(router);
    },
    |_| {
        components::settings::adopt();
        components::view_links::adopt();
        components::notice::adopt();
        announcer::adopt();
        components::search::adopt();
    },
    |_| {
        components::timeline::adopt();
        components::overview::adopt();
        components::detail::adopt();
        components::compare::adopt();
        components::tech::adopt();
        components::tables::adopt();
    },
    |_| {
        let (router, lang) = (router::use_router(), language::use_lang());
        keys::install(router);
        actions::follow(router, lang);
        present::install(router);
        swipe::follow(router);
        embed::install(router, lang);
        document::follow(lang, router.view);
        remove_boot_message();
    },
];

/// The end of the takeover: from here on the page is the app's (tests and the boot script wait for this).
#[cfg(target_arch = "wasm32")]
fn taken_over(app: &web_sys::HtmlElement) {
    focus::tab_from_top();
    let _ = app.remove_attribute("data-prerendered");
}

/// An effect: `f` runs once the current render is done, and again whenever a signal it read changes; it is
/// told whether this is its first run. Every effect of the app goes through this one boxed closure type, so
/// the wasm carries one copy of Leptos's effect machinery instead of one per closure.
pub(crate) fn effect(f: impl Fn(bool) + 'static) {
    let f: Box<dyn Fn(bool)> = Box::new(f);
    Effect::new(move |ran: Option<()>| f(ran.is_none()));
}

/// One of the app's contexts (router, language, theme, playback), provided by [`App`]. Like
/// `expect_context`, with one message for all of them instead of one formatted per type.
pub(crate) fn context<T: Clone + 'static>() -> T {
    use_context::<T>().unwrap_or_else(|| outside_the_app())
}

#[cold]
fn outside_the_app() -> ! {
    panic!("a component of the app was used outside App, which provides its state")
}

/// The page's static "could not load" message goes once the app runs.
#[cfg(target_arch = "wasm32")]
fn remove_boot_message() {
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
}

/// Starts the app in the page. The built page carries the first view prerendered in `<div id="app">` (see
/// `src/prerender.rs`); the app adopts that DOM as it is (it marks its state on the nodes there and follows their
/// events, building none), then catches up with the reader's link and choices. Every build (`trunk build`,
/// `trunk serve`, the single file) prerenders; a page without it keeps its static content and the boot script's
/// "could not load" message, as when the wasm fails.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use wasm_bindgen::JsCast;

    let doc = document();
    let Some(app) = doc
        .get_element_by_id("app")
        .filter(|el| el.has_attribute("data-prerendered"))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        leptos::logging::error!(
            "web-infra-evolution: no prerendered <div id=\"app\"> to start from"
        );
        return;
    };
    if let Some(root) = doc.document_element() {
        // The prerendered timeline has already made its entrance; don't replay it.
        let _ = root.class_list().add_1("taken-over");
    }
    let _ = any_spawner::Executor::init_wasm_bindgen();
    adopt_in_tasks(Owner::new(), 0, app);
}

/// Runs stage `next` of [`STAGES`] and the rest after it, each in a task of its own; the app lives for good.
#[cfg(target_arch = "wasm32")]
fn adopt_in_tasks(owner: Owner, next: usize, app: web_sys::HtmlElement) {
    set_timeout(
        move || {
            if let Some(stage) = STAGES.get(next) {
                owner.with(|| stage(PLAY_STEP));
                adopt_in_tasks(owner, next + 1, app);
            } else {
                taken_over(&app);
                std::mem::forget(owner);
            }
        },
        Duration::ZERO,
    );
}

/// Adopts the prerendered app in `app` (the page as the build rendered it) at once, every stage in this task,
/// with playback stepping every `play_step`; the app lives until the returned owner is cleaned up (the browser
/// tests do, between tests).
#[cfg(target_arch = "wasm32")]
pub fn adopt(app: &web_sys::HtmlElement, play_step: Duration) -> Owner {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.with(|| {
        for stage in STAGES {
            stage(play_step);
        }
    });
    taken_over(app);
    owner
}

/// Logs a panic to the console and shows the page's own error message, so a bug never leaves a
/// blank page without a word.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        // The message and where it happened; the browser adds the wasm stack to the error that follows.
        web_sys::console::error_1(&info.to_string().into());
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("app-error"))
        {
            let _ = el.remove_attribute("hidden");
        }
    }));
}
