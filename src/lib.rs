//! Web infrastructure evolution: the six generations of web infrastructure, told as an interactive app.
//!
//! `data` holds the compiled-in content, `route` the URL scheme, `nav` the pure navigation rules,
//! `state` the reactive state that ties them to the browser, and `components` what is shown.

#![recursion_limit = "256"]

pub mod components;
pub mod data;
pub mod nav;
pub mod prefs;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod route;
pub mod state;
pub mod ui;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use components::detail::{Detail, PrintEdition};
use components::notice::BadLinkNotice;
use components::overview::Overview;
use components::settings::Settings;
use components::tables::{DiagramTable, SummaryTable};
use components::timeline::Timeline;
use data::SITE;
use nav::Command;
use state::AppState;

/// The whole app: header, timeline, the overview or the active generation, and the post's tables.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::install();
    provide_context(state);
    let lang = state.lang;

    if state::IN_BROWSER {
        follow_in_document(state);
    }

    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            {move || ui::SKIP_TO_MAIN.get(lang.get())}
        </a>
        <header class="site-header">
            <div class="site-heading">
                <h1 class="site-title">{move || SITE.title.get(lang.get())}</h1>
                <p class="site-date"><time datetime=SITE.date>{SITE.date}</time></p>
            </div>
            <Settings />
        </header>
        <BadLinkNotice />
        <Announcer />
        <main id="main" class="site-main" tabindex="-1">
            <Timeline />
            <div class="stage">
                {move || match state.active.get() {
                    Some(id) => view! { <Detail id=id /> }.into_any(),
                    None => view! { <Overview /> }.into_any(),
                }}
            </div>
            <DiagramTable />
            <SummaryTable />
            <PrintEdition />
        </main>
    }
}

/// The document follows the state (title, language), keys move it, and the static loading text goes.
fn follow_in_document(state: AppState) {
    let lang = state.lang;
    Effect::new(move |_| {
        let doc = document();
        doc.set_title(&ui::document_title(lang.get(), state.active.get()));
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", lang.get().code());
        }
    });

    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.default_prevented()
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.alt_key()
            || typing_in(&ev)
        {
            return;
        }
        if let Some(command) = Command::for_key(&ev.key()) {
            ev.prevent_default();
            state.command(command);
        }
    });
    on_cleanup(move || keys.remove());

    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
}

/// A polite live region: announces the newly active generation and playback starting or stopping,
/// once per change (not on load, not per keystroke that changes nothing).
#[component]
fn Announcer() -> impl IntoView {
    let state = state::use_app_state();
    let message = RwSignal::new(String::new());
    Effect::new(move |before: Option<(Option<data::GenerationId>, bool)>| {
        let now = (state.active.get(), state.playing.get());
        if let Some(before) = before
            && let Some(text) = ui::announcement(state.lang.get_untracked(), before, now)
        {
            message.set(text);
        }
        now
    });
    view! { <div class="visually-hidden" aria-live="polite" aria-atomic="true">{message}</div> }
}

/// The skip link moves focus to the main content without touching the URL fragment (which holds the route).
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

/// Whether a key event comes from a place where the reader types (none today, but keys must not
/// be stolen from a future search field).
fn typing_in(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| {
            el.is_content_editable()
                || matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        })
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
    let handle = leptos::mount::mount_to(container.clone(), App);
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
