//! Web infrastructure evolution: the six generations of web infrastructure, told as an interactive app.
//!
//! Layers, each depending only on those above it:
//! - `data` (the compiled-in content), `route` (the URL scheme) and `nav` (moves and playback steps): plain
//!   Rust, tested natively;
//! - `platform`: the browser (fragment, history, languages, storage, dark mode), nothing of the app;
//! - state, one concern each, provided by [`App`] as small `Copy` contexts: `router`, `language`, `theme`,
//!   `playback`;
//! - behaviour around the views: `keys` (shortcuts), `focus` (focus that navigation would drop), `document`
//!   (`<html lang>`, title), `announcer` (live region), `print` (the print edition);
//! - `components`: what is shown, one file per visible piece; `strings`: the app's own words.

#![recursion_limit = "256"]

#[cfg(target_arch = "wasm32")]
pub mod allocator;
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: allocator::Counting = allocator::Counting;

pub mod announcer;
pub mod compare;
pub mod components;
pub mod data;
pub mod document;
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
pub mod print;
pub mod route;
pub mod router;
pub mod search;
pub mod strings;
pub mod theme;

use std::time::Duration;

use leptos::html::Main;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use announcer::Announcer;
use components::compare::Compare;
use components::detail::Detail;
use components::notice::BadLinkNotice;
use components::overview::Overview;
use components::search::Search;
use components::settings::Settings;
use components::tables::{DiagramTable, SummaryTable};
use components::tech::TechIndex;
use components::timeline::Timeline;
use components::view_links::ViewLinks;
use data::SITE;
use language::{Language, tr};
use playback::{PLAY_STEP, Playback};
use print::PrintEdition;
use router::Router;
use theme::ThemeChoice;

/// The whole app: header, timeline, the overview or the active generation, and the post's tables.
#[component]
pub fn App(
    /// How long playback stays on each generation (tests make it short).
    #[prop(optional)]
    play_step: Option<Duration>,
    /// The app adopts the prerendered page ([`start`]): it renders first as that page was rendered (the
    /// overview, nothing saved), then catches up with the reader's link and saved choices.
    #[prop(optional)]
    adopting: bool,
) -> impl IntoView {
    let router = Router::install(adopting);
    let language = Language::install(router, adopting);
    let theme = ThemeChoice::install(adopting);
    let playback = Playback::install(router, play_step.unwrap_or(PLAY_STEP));
    provide_context(router);
    provide_context(language);
    provide_context(theme);
    provide_context(playback);
    if adopting {
        // Effects run once the page is adopted.
        effect(move |_| {
            router.catch_up();
            language.catch_up();
            theme.catch_up();
        });
    }

    let main = NodeRef::<Main>::new();
    keys::install(router);
    links::follow(router);
    focus::keep_on_moves(router);
    document::follow(language.lang, router.view);
    remove_boot_message();

    // The skip link moves focus to the main content without touching the fragment (which holds the route).
    let skip_to_main = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = main.get_untracked() {
            let _ = main.focus();
        }
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>{tr(strings::SKIP_TO_MAIN)}</a>
        <header class="site-header">
            <div class="site-heading">
                <h1 class="site-title">{tr(SITE.title)}</h1>
                <p class="site-date"><time datetime=SITE.date>{SITE.date}</time></p>
            </div>
            <ViewLinks />
            <Settings />
        </header>
        <BadLinkNotice />
        <Announcer />
        <main id="main" class="site-main" tabindex="-1" node_ref=main>
            <Search />
            <Timeline />
            <div class="stage">
                // Both stay in the page, one hidden: moving between them builds nothing (and leaves no
                // disposed effect behind in the signals they read).
                <Overview />
                <Detail />
                <Compare />
                <TechIndex />
            </div>
            <DiagramTable />
            <SummaryTable />
            <PrintEdition />
        </main>
    }
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
fn remove_boot_message() {
    if platform::IN_BROWSER
        && let Some(boot) = document().get_element_by_id("boot")
    {
        boot.remove();
    }
}

/// Starts the app in the page. The built page carries the first view prerendered in `<div id="app">` (see
/// `src/prerender.rs`); the app adopts that DOM as it is (hydration: it attaches its listeners and effects to
/// the nodes there instead of building new ones), then catches up with the reader's link and choices. Every
/// build (`trunk build`, `trunk serve`, the single file) prerenders; a page without it keeps its static
/// content and the boot script's "could not load" message, as when the wasm fails.
pub fn start() {
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
    adopt(&app);
}

/// Hydrates the prerendered app in `app`, for the life of the page. This is what `leptos::mount::hydrate_from`
/// does; called directly it spares the wasm the `hydrate` feature's shared context for server data, which a
/// page rendered at build time never has.
fn adopt(app: &web_sys::HtmlElement) {
    use leptos::tachys::hydration::Cursor;
    use leptos::tachys::view::{PositionState, RenderHtml};

    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    let view = owner.with(|| {
        let cursor = Cursor::new(app.clone().unchecked_into());
        view! { <App adopting=true /> }.hydrate::<true>(&cursor, &PositionState::default())
    });
    std::mem::forget((owner, view));
    // From here on the page is the app's (tests and the boot script wait for this).
    let _ = app.remove_attribute("data-prerendered");
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
