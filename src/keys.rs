//! The app's keyboard shortcuts, anywhere on the page: ←/→, Home/End, 1–6 and Esc (see `nav::Command`).
//! Space (play/pause) belongs to the timeline and is handled there.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::nav::Command;
use crate::platform;
use crate::router::Router;

/// Listens for the shortcuts on the window for as long as the app lives.
pub fn install(router: Router) {
    if !platform::IN_BROWSER {
        return;
    }
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
