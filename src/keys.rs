//! The app's keyboard shortcuts, anywhere on the page: ←/→, Home/End, 1–6 and Esc (see `nav::Command`), and `/`
//! to search.
//! Space (play/pause) belongs to the timeline and is handled there. Inside a table that scrolls sideways
//! (a narrow screen), ←/→/Home/End scroll the table instead.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::nav::Command;
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
        if key == "/" {
            ev.prevent_default();
            if let Some(field) = document()
                .get_element_by_id(SEARCH_FIELD)
                .and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = field.focus();
            }
            return;
        }
        if let Some(command) = Command::for_key(&key) {
            ev.prevent_default();
            router.command(command);
        }
    });
    on_cleanup(move || keys.remove());
}

/// Whether a key event comes from a place where the reader types, whose keys are not ours.
fn typing_in(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| {
            el.is_content_editable()
                || matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        })
}

/// Whether the key scrolls a table region that can scroll sideways and holds the focus: ←/→ are left to the
/// browser, which scrolls it; Home/End (which the browser would give to the page) scroll it to an end here.
fn scrolls_table(ev: &web_sys::KeyboardEvent, key: &str) -> bool {
    if !matches!(key, "ArrowLeft" | "ArrowRight" | "Home" | "End") {
        return false;
    }
    let Some(region) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(".table-wrap").ok().flatten())
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
