//! One file per visible piece.

pub mod compare;
pub mod detail;
pub mod notice;
pub mod overview;
pub mod search;
pub mod settings;
pub mod tables;
pub mod tech;
pub mod timeline;
pub mod tools;
pub mod view_links;

use leptos::ev::MouseEvent;
use wasm_bindgen::JsCast;

use crate::data::GenerationId;

/// A plain primary click: no modifier that asks the browser for a new tab or window.
/// Links handle those natively; only plain clicks are turned into in-app navigation.
pub(crate) fn is_plain_click(ev: &MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
}

/// The generation an element names in its `data-gen` (a table row, a timeline node).
pub(crate) fn gen_of(el: &web_sys::Element) -> Option<GenerationId> {
    el.get_attribute("data-gen")
        .and_then(|n| n.parse::<u8>().ok())
        .and_then(GenerationId::new)
}

/// The elements of `list` (a `querySelectorAll`): for the views that keep the page's prerendered parts instead of
/// rendering them again.
pub(crate) fn elements(list: Option<web_sys::NodeList>) -> impl Iterator<Item = web_sys::Element> {
    list.into_iter().flat_map(|list| {
        (0..list.length()).filter_map(move |i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
    })
}

/// The elements of `list` (a `querySelectorAll` of elements with `data-gen`), each with its generation: for the
/// views that mark the page's prerendered rows and nodes.
pub(crate) fn with_gen(
    list: Option<web_sys::NodeList>,
) -> impl Iterator<Item = (web_sys::Element, Option<GenerationId>)> {
    elements(list).map(|el| {
        let id = gen_of(&el);
        (el, id)
    })
}
