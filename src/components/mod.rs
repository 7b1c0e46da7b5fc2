//! One file per visible piece.

pub mod detail;
pub mod notice;
pub mod overview;
pub mod settings;
pub mod tables;
pub mod timeline;

use leptos::ev::MouseEvent;

/// A plain primary click: no modifier that asks the browser for a new tab or window.
/// Links handle those natively; only plain clicks are turned into in-app navigation.
pub(crate) fn is_plain_click(ev: &MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
}

/// After the next render, moves focus to the first element matching one of `selectors` that is enabled,
/// so that a control replaced by navigation (the detail's buttons, a timeline node) doesn't drop the
/// keyboard user's focus onto the page body.
pub(crate) fn focus_after_render(selectors: &'static [&'static str]) {
    leptos::prelude::request_animation_frame(move || {
        let doc = leptos::prelude::document();
        let target = selectors.iter().find_map(|selector| {
            doc.query_selector(selector)
                .ok()
                .flatten()
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
                .filter(|el| !el.has_attribute("disabled"))
        });
        if let Some(el) = target {
            let _ = el.focus();
        }
    });
}
