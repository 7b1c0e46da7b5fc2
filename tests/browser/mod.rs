//! What the browser tests share: mounting the app, pressing keys and clicking as a reader would, waiting for a
//! condition, and reading what the reader sees.
#![allow(dead_code)] // each test file uses its own part of these

use std::time::Duration;

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_infra_evolution::data::GenerationId;
use web_infra_evolution::language::LANG_KEY;
use web_sys::{HtmlElement, KeyboardEvent, KeyboardEventInit};

/// Playback's step in these tests.
pub const STEP: Duration = Duration::from_millis(40);

/// The app's first view as the build renders it into the page (`src/prerender.rs`), written out by `make
/// test-wasm` (the file `WIE_FIRST_VIEW` names) before these tests are compiled.
const FIRST_VIEW: &str = include_str!(env!(
    "WIE_FIRST_VIEW",
    "run the browser tests with `make test-wasm`, which renders the first view for them first"
));

/// An app adopted in its own container; dropping it ends the app and removes the container.
pub struct Mounted {
    root: HtmlElement,
    owner: Owner,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.owner.cleanup();
        self.root.remove();
    }
}

impl std::ops::Deref for Mounted {
    type Target = HtmlElement;
    fn deref(&self) -> &HtmlElement {
        &self.root
    }
}

/// Mounts a fresh app at `hash` with Korean saved as the reader's language (headless Chromium's own
/// language is English).
pub async fn mount_at(hash: &str) -> Mounted {
    mount_with(hash, &[(LANG_KEY, "ko")]).await
}

/// Mounts a fresh app at `hash` with exactly these `localStorage` entries, and lets it render: the page the build
/// renders, adopted as the browser's start-up does (`web_infra_evolution::adopt`).
pub async fn mount_with(hash: &str, saved: &[(&str, &str)]) -> Mounted {
    let storage = window().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    for (key, value) in saved {
        storage.set_item(key, value).unwrap();
    }
    let url = if hash.is_empty() { "#" } else { hash };
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
        .unwrap();
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    root.set_inner_html(FIRST_VIEW);
    root.set_attribute("data-prerendered", "").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let owner = web_infra_evolution::adopt(&root, STEP);
    leptos::task::tick().await;
    Mounted { root, owner }
}

/// Waits (one frame at a time, at most two seconds) until `cond` holds; fails with `what` otherwise.
pub async fn until(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..120 {
        leptos::task::tick().await;
        if cond() {
            return;
        }
        TimeoutFuture::new(16).await;
    }
    panic!("timed out waiting until {what}");
}

/// Gives the app several frames in which something could (wrongly) happen.
pub async fn a_while() {
    for _ in 0..3 {
        TimeoutFuture::new(u32::try_from(STEP.as_millis()).unwrap_or(u32::MAX)).await;
        leptos::task::tick().await;
    }
}

pub fn hash() -> String {
    window().location().hash().unwrap()
}

/// An attribute of `<html>`.
pub fn html_attr(name: &str) -> Option<String> {
    document().document_element().unwrap().get_attribute(name)
}

/// What the app saved under `key` in `localStorage`.
pub fn saved(key: &str) -> Option<String> {
    window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(key)
        .unwrap()
}

/// The element matching `selector` inside `root`, which must exist.
pub fn find<T: JsCast>(root: &HtmlElement, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

pub fn exists(root: &HtmlElement, selector: &str) -> bool {
    root.query_selector(selector).unwrap().is_some()
}

/// The text of the element matching `selector` as the reader sees it: texts are in the page in both
/// languages and the stylesheet (not loaded here) shows only `<html lang>`'s, so the other one is left out.
pub fn text_of(root: &HtmlElement, selector: &str) -> Option<String> {
    let el = root.query_selector(selector).unwrap()?;
    let copy: web_sys::Element = el.clone_node_with_deep(true).unwrap().unchecked_into();
    let hidden = if html_attr("lang").as_deref() == Some("en") {
        ".ko"
    } else {
        ".en"
    };
    let others = copy.query_selector_all(hidden).unwrap();
    for i in 0..others.length() {
        others
            .item(i)
            .unwrap()
            .unchecked_into::<web_sys::Element>()
            .remove();
    }
    Some(copy.text_content().unwrap_or_default())
}

pub fn active_gen(root: &HtmlElement) -> Option<String> {
    root.query_selector(".node[aria-current=step]")
        .unwrap()
        .and_then(|e| e.get_attribute("data-gen"))
}

pub fn press(key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    // As a browser does: the focused element gets the key, or the page when nothing (connected) has focus.
    let target = document()
        .active_element()
        .filter(|el| el.is_connected())
        .unwrap_or_else(|| document().body().unwrap().into());
    target.dispatch_event(&ev).unwrap();
}

pub fn click(root: &HtmlElement, selector: &str) {
    find::<HtmlElement>(root, selector).click();
}

/// A click with Shift held (what Shift+Enter on a focused link dispatches too).
pub fn shift_click(root: &HtmlElement, selector: &str) {
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_shift_key(true);
    let ev = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    find::<HtmlElement>(root, selector)
        .dispatch_event(&ev)
        .unwrap();
}

pub fn focused(selector: &str) -> bool {
    document()
        .active_element()
        .is_some_and(|el| el.matches(selector).unwrap_or(false))
}

pub fn generation(n: u8) -> &'static web_infra_evolution::data::Generation {
    GenerationId::new(n).unwrap().generation()
}

/// An event of `kind` that bubbles, as the browser's own input and composition events do.
pub fn bubbling(kind: &str) -> web_sys::Event {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    web_sys::Event::new_with_event_init_dict(kind, &init).unwrap()
}
