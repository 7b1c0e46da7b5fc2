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
pub mod view_links;

use leptos::ev::MouseEvent;

/// A plain primary click: no modifier that asks the browser for a new tab or window.
/// Links handle those natively; only plain clicks are turned into in-app navigation.
pub(crate) fn is_plain_click(ev: &MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
}
