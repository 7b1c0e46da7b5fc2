//! Components in a real browser (headless Chromium via wasm-bindgen-test-runner):
//! mount the app, click and press keys as a reader would, tick, and look at the DOM.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)] // a failed DOM call in a test should fail the test

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_infra_evolution::App;
use web_infra_evolution::state::PLAY_STEP_MS;
use web_sys::{HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a fresh app at `hash` into its own container, with Korean saved as the reader's language
/// (headless Chromium's own language is English). Dropping the handle unmounts it.
fn mount_at(hash: &str) -> (HtmlElement, impl Drop) {
    mount_with(hash, &[("wie.lang", "ko")])
}

/// Mounts a fresh app at `hash` with exactly these `localStorage` entries.
fn mount_with(hash: &str, saved: &[(&str, &str)]) -> (HtmlElement, impl Drop) {
    let storage = window().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    for (key, value) in saved {
        storage.set_item(key, value).unwrap();
    }
    let history = window().history().unwrap();
    history
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(if hash.is_empty() { "#" } else { hash }),
        )
        .unwrap();
    let doc = document();
    let container: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), App);
    (container.clone(), Unmount(Some(handle), container))
}

struct Unmount<T>(Option<T>, HtmlElement);
impl<T> Drop for Unmount<T> {
    fn drop(&mut self) {
        drop(self.0.take());
        self.1.remove();
    }
}

/// An attribute of `<html>`.
fn html_attr(name: &str) -> Option<String> {
    document().document_element().unwrap().get_attribute(name)
}

/// What the app saved under `key` in `localStorage`.
fn saved(key: &str) -> Option<String> {
    window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(key)
        .unwrap()
}

/// The element matching `selector` inside `root`, which must exist.
fn find<T: JsCast>(root: &HtmlElement, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

fn text_of(root: &HtmlElement, selector: &str) -> Option<String> {
    root.query_selector(selector)
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
}

fn active_gen(root: &HtmlElement) -> Option<String> {
    root.query_selector(".node[aria-current=step]")
        .unwrap()
        .and_then(|e| e.get_attribute("data-gen"))
}

fn press(key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    document().body().unwrap().dispatch_event(&ev).unwrap();
}

fn click(root: &HtmlElement, selector: &str) {
    let el: HtmlElement = find(root, selector);
    el.click();
}

#[wasm_bindgen_test]
async fn overview_shows_six_nodes_and_both_tables() {
    let (root, _app) = mount_at("");
    leptos::task::tick().await;
    assert_eq!(root.query_selector_all(".node").unwrap().length(), 6);
    assert_eq!(
        root.query_selector_all("table.gen-table").unwrap().length(),
        2
    );
    assert!(root.query_selector(".overview").unwrap().is_some());
    assert_eq!(active_gen(&root), None);
}

#[wasm_bindgen_test]
async fn clicking_a_node_shows_its_detail_and_writes_the_url() {
    let (root, _app) = mount_at("");
    leptos::task::tick().await;
    click(&root, ".node[data-gen='3']");
    leptos::task::tick().await;
    let heading = text_of(&root, "#detail-heading").expect("detail heading");
    assert!(heading.contains("컨테이너 시대"), "{heading}");
    assert!(heading.contains("Containerization"), "{heading}");
    assert_eq!(window().location().hash().unwrap(), "#/gen/3");
    assert!(
        document().title().starts_with("3세대"),
        "{}",
        document().title()
    );
    assert_eq!(active_gen(&root).as_deref(), Some("3"));
    // 대표 기술 chips of generation 3
    let chips = text_of(&root, ".chips").unwrap();
    for tech in ["Docker", "Nginx", "Podman"] {
        assert!(chips.contains(tech), "{chips}");
    }
}

#[wasm_bindgen_test]
async fn clicking_a_table_row_selects_its_generation() {
    let (root, _app) = mount_at("");
    leptos::task::tick().await;
    click(&root, ".summary-table tbody tr:nth-child(5) td");
    leptos::task::tick().await;
    assert_eq!(active_gen(&root).as_deref(), Some("5"));
    assert!(
        root.query_selector(".summary-table tr.active")
            .unwrap()
            .is_some()
    );
}

#[wasm_bindgen_test]
async fn keys_move_the_selection() {
    let (root, _app) = mount_at("");
    leptos::task::tick().await;
    let mut seen = vec![];
    for key in [
        "ArrowRight",
        "ArrowRight",
        "End",
        "ArrowLeft",
        "Home",
        "4",
        "Escape",
    ] {
        press(key);
        leptos::task::tick().await;
        seen.push(active_gen(&root).unwrap_or_else(|| "-".into()));
    }
    assert_eq!(seen, ["1", "2", "6", "5", "1", "4", "-"]);
    assert!(root.query_selector(".overview").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn deep_link_opens_that_generation() {
    let (root, _app) = mount_at("#/gen/6");
    leptos::task::tick().await;
    assert_eq!(active_gen(&root).as_deref(), Some("6"));
    assert!(
        text_of(&root, "#detail-heading")
            .unwrap()
            .contains("Edge & Decentralized")
    );
}

#[wasm_bindgen_test]
async fn bad_hash_shows_overview_and_a_notice() {
    for bad in ["#/gen/9", "#/gen/abc", "#%%%"] {
        let (root, _app) = mount_at(bad);
        leptos::task::tick().await;
        assert_eq!(active_gen(&root), None, "{bad}");
        assert!(root.query_selector(".overview").unwrap().is_some(), "{bad}");
        let notice = text_of(&root, ".notice").expect("notice");
        assert!(notice.contains("개요"), "{notice}");
        click(&root, ".notice-dismiss");
        leptos::task::tick().await;
        assert!(root.query_selector(".notice").unwrap().is_none());
        assert_eq!(window().location().hash().unwrap(), "#/");
    }
}

#[wasm_bindgen_test]
async fn play_advances_and_pause_stops() {
    let (root, _app) = mount_at("");
    leptos::task::tick().await;
    click(&root, ".play-button");
    leptos::task::tick().await;
    assert_eq!(active_gen(&root).as_deref(), Some("1"), "play starts at 1");
    TimeoutFuture::new(PLAY_STEP_MS + 300).await;
    leptos::task::tick().await;
    assert_eq!(active_gen(&root).as_deref(), Some("2"), "play advanced");
    click(&root, ".play-button"); // pause
    leptos::task::tick().await;
    TimeoutFuture::new(PLAY_STEP_MS + 300).await;
    leptos::task::tick().await;
    assert_eq!(active_gen(&root).as_deref(), Some("2"), "pause stopped it");
}

#[wasm_bindgen_test]
async fn navigation_pauses_playback() {
    let (root, _app) = mount_at("");
    leptos::task::tick().await;
    click(&root, ".play-button");
    leptos::task::tick().await;
    press("ArrowRight");
    leptos::task::tick().await;
    assert_eq!(active_gen(&root).as_deref(), Some("2"));
    assert_eq!(
        text_of(&root, ".play-button").as_deref(),
        Some("재생"),
        "the button offers play again"
    );
    TimeoutFuture::new(PLAY_STEP_MS + 300).await;
    leptos::task::tick().await;
    assert_eq!(active_gen(&root).as_deref(), Some("2"));
}

#[wasm_bindgen_test]
async fn language_switch_writes_the_link_and_is_saved() {
    let (root, _app) = mount_at("#/gen/2");
    leptos::task::tick().await;
    assert_eq!(html_attr("lang").as_deref(), Some("ko"));
    click(&root, ".lang-link[hreflang='en']");
    leptos::task::tick().await;
    assert_eq!(window().location().hash().unwrap(), "#/gen/2?lang=en");
    assert_eq!(html_attr("lang").as_deref(), Some("en"));
    assert!(
        document()
            .title()
            .starts_with("Generation 2: Virtualization Era"),
        "{}",
        document().title()
    );
    let heading = text_of(&root, "#detail-heading").unwrap();
    assert!(heading.contains("Virtualization"), "{heading}");
    let saved = saved("wie.lang");
    assert_eq!(saved.as_deref(), Some("en"));
    // Moving on keeps the language in the link.
    press("ArrowRight");
    leptos::task::tick().await;
    assert_eq!(window().location().hash().unwrap(), "#/gen/3?lang=en");
}

#[wasm_bindgen_test]
async fn without_a_saved_choice_the_browser_language_decides() {
    // Headless Chromium reports English.
    let (root, _app) = mount_with("", &[]);
    leptos::task::tick().await;
    assert_eq!(html_attr("lang").as_deref(), Some("en"));
    assert_eq!(
        text_of(&root, ".site-title").as_deref(),
        Some("Web Infrastructure Evolution")
    );
}

#[wasm_bindgen_test]
async fn corrupted_saved_settings_fall_back_quietly() {
    let (root, _app) = mount_with(
        "#/gen/1?lang=xx",
        &[("wie.lang", "{broken"), ("wie.theme", "purple")],
    );
    leptos::task::tick().await;
    assert_eq!(active_gen(&root).as_deref(), Some("1"));
    assert!(
        root.query_selector(".notice").unwrap().is_none(),
        "an unknown lang is not an error"
    );
    let select: web_sys::HtmlSelectElement = find(&root, ".theme-choice select");
    assert_eq!(select.value(), "system");
}

#[wasm_bindgen_test]
async fn theme_choice_sets_data_theme_and_is_saved() {
    let (root, _app) = mount_at("");
    leptos::task::tick().await;
    let select: web_sys::HtmlSelectElement = find(&root, ".theme-choice select");
    for (choice, expected) in [("dark", "dark"), ("light", "light")] {
        select.set_value(choice);
        select
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
        leptos::task::tick().await;
        assert_eq!(html_attr("data-theme").as_deref(), Some(expected));
        let saved = saved("wie.theme");
        assert_eq!(saved.as_deref(), Some(choice));
    }
}

#[wasm_bindgen_test]
async fn the_live_region_announces_the_new_generation_once() {
    let (root, _app) = mount_at("");
    leptos::task::tick().await;
    let live = || text_of(&root, "[aria-live=polite]").unwrap_or_default();
    assert_eq!(live(), "", "nothing is announced on load");
    press("3");
    leptos::task::tick().await;
    assert_eq!(live(), "3세대: 컨테이너 시대");
}

fn focused_selector_matches(selector: &str) -> bool {
    document()
        .active_element()
        .is_some_and(|el| el.matches(selector).unwrap_or(false))
}

#[wasm_bindgen_test]
async fn keyboard_focus_follows_the_reader() {
    let (root, _app) = mount_at("#/gen/2");
    leptos::task::tick().await;
    let node2: HtmlElement = find(&root, ".node[data-gen='2']");
    node2.focus().unwrap();
    press("ArrowRight");
    leptos::task::tick().await;
    assert!(
        focused_selector_matches(".node[data-gen='3']"),
        "focus moved to the new active node"
    );

    // The detail's "next" button is rebuilt with the next generation; focus stays on it.
    click(&root, ".detail .detail-next");
    leptos::task::tick().await;
    TimeoutFuture::new(50).await;
    assert_eq!(active_gen(&root).as_deref(), Some("4"));
    assert!(
        focused_selector_matches(".detail .detail-next"),
        "focus kept on the next button"
    );
    click(&root, ".detail .detail-overview");
    leptos::task::tick().await;
    TimeoutFuture::new(50).await;
    assert!(
        focused_selector_matches("#overview-heading"),
        "focus on the overview heading"
    );
}
