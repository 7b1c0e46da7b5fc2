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

pub mod announcer;
pub mod components;
pub mod data;
pub mod document;
pub mod focus;
pub mod keys;
pub mod language;
pub mod nav;
pub mod platform;
pub mod playback;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod print;
pub mod route;
pub mod router;
pub mod strings;
pub mod theme;

use std::time::Duration;

use leptos::html::{H2, Main};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use announcer::Announcer;
use components::detail::Detail;
use components::notice::BadLinkNotice;
use components::overview::Overview;
use components::settings::Settings;
use components::tables::{DiagramTable, SummaryTable};
use components::timeline::Timeline;
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
) -> impl IntoView {
    let router = Router::install();
    let language = Language::install(router);
    let playback = Playback::install(router, play_step.unwrap_or(PLAY_STEP));
    provide_context(router);
    provide_context(language);
    provide_context(ThemeChoice::install());
    provide_context(playback);

    let heading = NodeRef::<H2>::new();
    let main = NodeRef::<Main>::new();
    keys::install(router);
    focus::keep_on_moves(router, heading);
    document::follow(language.lang, router.active);
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
            <Settings />
        </header>
        <BadLinkNotice />
        <Announcer />
        <main id="main" class="site-main" tabindex="-1" node_ref=main>
            <Timeline />
            <div class="stage">
                <Show
                    when=move || router.active.get().is_some()
                    fallback=move || view! { <Overview heading=heading /> }
                >
                    <Detail heading=heading />
                </Show>
            </div>
            <DiagramTable />
            <SummaryTable />
            <PrintEdition />
        </main>
    }
}

/// The page's static "could not load" message goes once the app runs.
fn remove_boot_message() {
    if platform::IN_BROWSER
        && let Some(boot) = document().get_element_by_id("boot")
    {
        boot.remove();
    }
}

/// Starts the app in the page. The built page carries the first view prerendered in `<div id="app">`
/// (see `src/prerender.rs`); the app renders itself off-document and then swaps in for it in one step, so
/// what the reader sees does not move. Without a placeholder (e.g. `trunk serve`) it appends to `<body>`.
pub fn start() {
    let doc = document();
    let Ok(container) = doc.create_element("div") else {
        return;
    };
    container.set_id("app");
    let Ok(container) = container.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    let prerendered = doc.get_element_by_id("app");
    if let (Some(old), Some(root)) = (&prerendered, doc.document_element())
        && old.has_attribute("data-prerendered")
    {
        // The prerendered timeline has already made its entrance; don't replay it.
        let _ = root.class_list().add_1("taken-over");
    }
    let handle = leptos::mount::mount_to(container.clone(), || view! { <App /> });
    let placed = match prerendered {
        Some(old) => old.replace_with_with_node_1(&container),
        None => doc
            .body()
            .map_or(Ok(()), |body| body.append_child(&container).map(|_| ())),
    };
    if placed.is_ok() {
        handle.forget();
    }
}

/// Logs a panic to the console and shows the page's own error message, so a bug never leaves a
/// blank page without a word.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("app-error"))
        {
            let _ = el.remove_attribute("hidden");
        }
    }));
}
