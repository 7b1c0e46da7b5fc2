//! The app's keyboard shortcuts, anywhere on the page, as `nav::SHORTCUTS` lists them (the help dialog, `?`,
//! shows the same table): ←/→, Home/End, 1–6, Esc, `/` to search, `?` for help, and in the presentation its own.
//! Space (play/pause) belongs to the timeline and is handled there. Inside a table that scrolls sideways
//! (a narrow screen), ←/→/Home/End scroll the table instead.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::{closest, target};
use crate::nav::{Action, Command, digit, shortcut};
use crate::platform;
use crate::router::Router;

/// The search field's id (`components::search`), which `/` focuses.
pub const SEARCH_FIELD: &str = "search-field";

/// Listens for the shortcuts on the window for as long as the app lives.
pub fn install(router: Router) {
    if !platform::IN_BROWSER {
        return;
    }
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let key = ev.key();
        if ev.default_prevented()
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.alt_key()
            || typing_in(&ev)
            || scrolls_table(&ev, &key)
        {
            return;
        }
        let presenting = router.view.get_untracked().slide().is_some();
        if presenting && key != " " {
            crate::present::pause();
        }
        match shortcut(&key, presenting) {
            Some(Action::Move(command)) => router.command(command),
            Some(Action::Jump) => match digit(&key) {
                Some(id) => router.command(Command::Jump(id)),
                None => return,
            },
            Some(Action::Search) => focus_by_id(SEARCH_FIELD),
            Some(Action::Help) => crate::actions::open_help(),
            // Space on a button presses it, nothing more (a link is not pressed by Space).
            Some(Action::Play) if on_control(&ev) => return,
            Some(Action::Play) => crate::present::space(router),
            Some(Action::Fullscreen) => crate::present::toggle_fullscreen(),
            Some(Action::Pick) | None => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());
}

/// Focuses the element with `id`, if there is one.
fn focus_by_id(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Whether a key event comes from a control that Space presses (a button, a `<summary>`).
fn on_control(ev: &web_sys::KeyboardEvent) -> bool {
    target(ev).is_some_and(|el| matches!(el.tag_name().as_str(), "BUTTON" | "SUMMARY"))
}

/// Whether a key event comes from a place where the reader types, whose keys are not ours, or from the help
/// dialog (modal: the page behind it does not move).
fn typing_in(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| {
            el.is_content_editable()
                || matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.closest("dialog").ok().flatten().is_some()
        })
}

/// Whether the key scrolls a table region that can scroll sideways and holds the focus: ←/→ are left to the
/// browser, which scrolls it; Home/End (which the browser would give to the page) scroll it to an end here.
fn scrolls_table(ev: &web_sys::KeyboardEvent, key: &str) -> bool {
    if !matches!(key, "ArrowLeft" | "ArrowRight" | "Home" | "End") {
        return false;
    }
    let Some(region) = target(ev)
        .and_then(|el| closest(&el, ".table-wrap"))
        .filter(|r| r.scroll_width() > r.client_width())
    else {
        return false;
    };
    match key {
        "Home" => region.set_scroll_left(0),
        "End" => region.set_scroll_left(region.scroll_width()),
        _ => return true,
    }
    ev.prevent_default();
    true
}
