//! One file per visible piece. Each is rendered at build time by its component (natively, `src/prerender.rs`),
//! and adopted in the browser by its `adopt`: the page's elements stay as the build made them, and the app marks
//! their state on them and follows their events. The wasm carries no renderer of them (Leptos's views of them cost
//! it more than a third of its bytes, paid at every first load).

pub mod compare;
pub mod detail;
pub mod notice;
pub mod overview;
pub mod search;
pub mod settings;
pub mod tables;
pub mod tech;
pub mod timeline;
#[cfg(not(target_arch = "wasm32"))]
pub mod tools;
pub mod view_links;

use leptos::ev::MouseEvent;
use wasm_bindgen::JsCast;

#[cfg(target_arch = "wasm32")]
use crate::data::GenerationId;

/// A plain primary click: no modifier that asks the browser for a new tab or window.
/// Links handle those natively; only plain clicks are turned into in-app navigation.
pub(crate) fn is_plain_click(ev: &MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
}

/// The generation an element names in its `data-gen` (a table row, a timeline node).
#[cfg(target_arch = "wasm32")]
pub(crate) fn gen_of(el: &web_sys::Element) -> Option<GenerationId> {
    el.get_attribute("data-gen")
        .and_then(|n| n.parse::<u8>().ok())
        .and_then(GenerationId::new)
}

/// Follows `event` wherever in the page it happens, for as long as the app lives: one listener on the window,
/// which sorts events by their target (the views attach none to the elements they adopt). Listeners hear an event
/// in the order they were made: `crate::adopt_page` makes the views' before the page-wide ones (keys, links, tools),
/// as an element's own listener would hear it before its ancestors'.
#[cfg(target_arch = "wasm32")]
pub(crate) fn listen(event: &str, f: impl Fn(web_sys::Event) + 'static) {
    use leptos::prelude::{on_cleanup, window_event_listener_untyped};

    let handle = window_event_listener_untyped(event, f);
    on_cleanup(move || handle.remove());
}

/// The element an event happened on, if it was one.
pub(crate) fn target(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
}

/// `el` or its nearest ancestor that matches `selector`.
pub(crate) fn closest(el: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    el.closest(selector).ok().flatten()
}

/// The element `selector` finds first in the page.
#[cfg(target_arch = "wasm32")]
pub(crate) fn find(selector: &str) -> Option<web_sys::Element> {
    leptos::prelude::document()
        .query_selector(selector)
        .ok()
        .flatten()
}

/// Shows `el` or hides it (its `hidden` attribute).
#[cfg(target_arch = "wasm32")]
pub(crate) fn show(el: Option<web_sys::Element>, shown: bool) {
    if let Some(el) = el {
        let _ = el.toggle_attribute_with_force("hidden", !shown);
    }
}

/// The elements of `list` (a `querySelectorAll`): for the views that keep the page's prerendered parts instead of
/// rendering them again.
#[cfg(target_arch = "wasm32")]
pub(crate) fn elements(list: Option<web_sys::NodeList>) -> impl Iterator<Item = web_sys::Element> {
    list.into_iter().flat_map(|list| {
        (0..list.length()).filter_map(move |i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
    })
}

/// The elements of `list` (a `querySelectorAll` of elements with `data-gen`), each with its generation: for the
/// views that mark the page's prerendered rows and nodes.
#[cfg(target_arch = "wasm32")]
pub(crate) fn with_gen(
    list: Option<web_sys::NodeList>,
) -> impl Iterator<Item = (web_sys::Element, Option<GenerationId>)> {
    elements(list).map(|el| {
        let id = gen_of(&el);
        (el, id)
    })
}
