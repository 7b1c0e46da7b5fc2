//! The browser, as far as the app needs it: whether there is one, the URL fragment and history, the
//! browser's languages, `localStorage` and the dark-mode preference. Imports nothing from the app.
//!
//! The native build renders the first view at build time (`src/prerender.rs`): there is no browser then,
//! and every function here answers as a first-time visitor's empty browser would (no fragment, nothing
//! saved, no language, light), without touching `web_sys`.

use wasm_bindgen::JsValue;

/// Whether this build runs in a browser (the wasm).
pub const IN_BROWSER: bool = cfg!(target_arch = "wasm32");

fn window() -> Option<web_sys::Window> {
    if IN_BROWSER { web_sys::window() } else { None }
}

/// The current `location.hash`, `""` without a browser.
pub fn hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// How a new URL is written to the browser's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryMode {
    /// A new entry: the back button returns here.
    Push,
    /// Replace the current entry.
    Replace,
}

/// Writes `url` (a fragment such as `#/gen/3`) into the history, if the browser lets us (a sandboxed frame
/// may not).
pub fn write_history(url: &str, mode: HistoryMode) {
    let Some(history) = window().and_then(|w| w.history().ok()) else {
        return;
    };
    let _ = match mode {
        HistoryMode::Push => history.push_state_with_url(&JsValue::NULL, "", Some(url)),
        HistoryMode::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(url)),
    };
}

/// The browser's preferred languages, most wanted first (`navigator.languages`, else `navigator.language`).
pub fn languages() -> Vec<String> {
    let Some(navigator) = window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(navigator.language())
        .collect()
}

/// `localStorage`, if the browser lets us have it. Every failure reads as "nothing saved" and writes are
/// best effort: storage is a convenience, never a reason to fail.
pub mod storage {
    fn local() -> Option<web_sys::Storage> {
        super::window()?.local_storage().ok().flatten()
    }

    /// The saved value, `None` when nothing is saved or storage is unavailable.
    pub fn get(key: &str) -> Option<String> {
        local()?.get_item(key).ok().flatten()
    }

    /// Saves `value`; a full or blocked storage is ignored.
    pub fn set(key: &str, value: &str) {
        if let Some(storage) = local() {
            let _ = storage.set_item(key, value);
        }
    }
}

/// A media query, `None` without a browser (or a very old one).
fn media_query(query: &str) -> Option<web_sys::MediaQueryList> {
    window()?.match_media(query).ok().flatten()
}

/// The `(prefers-color-scheme: dark)` media query.
pub fn dark_mode_query() -> Option<web_sys::MediaQueryList> {
    media_query("(prefers-color-scheme: dark)")
}

/// Whether the reader asked for reduced motion.
pub fn reduced_motion() -> bool {
    media_query("(prefers-reduced-motion: reduce)").is_some_and(|m| m.matches())
}

/// `<html>`, to set `lang` and `data-theme` on.
pub fn root_element() -> Option<web_sys::Element> {
    window()?.document()?.document_element()
}
