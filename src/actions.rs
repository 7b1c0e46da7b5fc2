//! The page's one click listener, for as long as the app lives: the app's own links (`crate::links`) and the
//! buttons rendered at build time with a `data-action` (the detail's and the presentation's moves, the tools:
//! keyboard help, copy link, share, cite, export, embed code).
//!
//! Copying goes through the async Clipboard API; where there is none, or it is refused, the text is shown in a
//! field, selected, for the reader to copy by hand. Export files are made by the tools' wasm, fetched the first
//! time a reader exports (`crate::export::browser`), and downloaded from a Blob.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::components::{closest, target};
use crate::data::{GenerationId, Lang, Text};
use crate::nav::Command;
use crate::platform;
use crate::router::Router;
use crate::strings;

/// Follows clicks on the tools, and shows "Share" where the browser can share.
pub fn follow(router: Router, lang: Memo<Lang>) {
    if !platform::IN_BROWSER {
        return;
    }
    if has(&window().navigator(), "share")
        && let Ok(Some(share)) = document().query_selector("[data-action=share]")
    {
        let _ = share.remove_attribute("hidden");
    }
    let clicks = window_event_listener(leptos::ev::click, move |ev| {
        let Some(target) = target(&ev) else {
            return;
        };
        if crate::links::follow(router, &ev, &target) {
            return;
        }
        // The skip link moves focus to the main content without touching the fragment (which holds the route).
        if closest(&target, ".skip-link").is_some() {
            ev.prevent_default();
            if let Some(main) = document()
                .get_element_by_id("main")
                .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = main.focus();
            }
            return;
        }
        let Some(action) =
            closest(&target, "[data-action]").and_then(|el| el.get_attribute("data-action"))
        else {
            return;
        };
        let lang = lang.get_untracked();
        let url = window().location().href().unwrap_or_default();
        match action.as_str() {
            "help" => open_help(),
            "prev" => router.command(Command::Prev),
            "next" => router.command(Command::Next),
            "overview" => router.command(Command::Overview),
            "fullscreen" => crate::present::toggle_fullscreen(),
            "copy-link" => copy(url, strings::LINK_COPIED, lang),
            "share" => share(url, lang),
            "cite" => copy(
                crate::export::citation(lang, &url, &today()),
                strings::CITATION_COPIED,
                lang,
            ),
            "embed" => copy(crate::embed::code(&url, lang), strings::EMBED_COPIED, lang),
            "bibtex" => copy(
                crate::export::bibtex(&url, &today()),
                strings::CITATION_COPIED,
                lang,
            ),
            other if other.starts_with("export-") => {
                export(other, lang, router.view.get_untracked().generation());
            }
            _ => {}
        }
    });
    on_cleanup(move || clicks.remove());
}

#[wasm_bindgen]
extern "C" {
    /// The page's loader (Trunk.toml's `pattern_script`): calls the function `name` of the tools' wasm
    /// (`src/bin/tools.rs`), which it fetches the first time; the promise settles when the call has run.
    #[wasm_bindgen(catch, js_name = wieTools)]
    fn tools(name: &str, action: &str, lang: &str, shown: u8) -> Result<js_sys::Promise, JsValue>;
}

/// Makes and downloads the files of the export button `action` (`crate::export::files`), in the tools' wasm: the
/// writers are not in the app's, whose every byte every reader pays for at the first load. Where the tools can't
/// be fetched (offline before the offline copy was made, say), says so.
fn export(action: &str, lang: Lang, shown: Option<GenerationId>) {
    say(strings::EXPORT_MAKING, lang);
    match tools(
        "exportFiles",
        action,
        lang.code(),
        shown.map_or(0, GenerationId::get),
    ) {
        Ok(done) => settle(&done, || (), move |_| say(strings::EXPORT_FAILED, lang)),
        Err(_) => say(strings::EXPORT_FAILED, lang),
    }
}

/// Opens the keyboard help (a modal dialog: the browser moves focus in, keeps it there and returns it).
pub fn open_help() {
    if let Some(dialog) = document()
        .get_element_by_id("keys-help")
        .and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok())
        .filter(|d| !d.open())
    {
        let _ = dialog.show_modal();
    }
}

/// Whether `object` has the property `name` (an API the browser may not have).
fn has(object: &JsValue, name: &str) -> bool {
    js_sys::Reflect::has(object, &JsValue::from_str(name)).unwrap_or(false)
}

/// Today where the reader is, as `2026-11-30` (the "accessed" date of a citation).
fn today() -> String {
    let now = js_sys::Date::new_0();
    let mut day = String::with_capacity(10);
    for (n, width) in [
        (now.get_full_year(), 4),
        (now.get_month() + 1, 2),
        (now.get_date(), 2),
    ] {
        if !day.is_empty() {
            day.push('-');
        }
        for place in (0..width).rev() {
            day.push(char::from(
                b'0' + u8::try_from(n / 10u32.pow(place) % 10).unwrap_or(0),
            ));
        }
    }
    day
}

/// Copies `text`, then says `done`; where that can't be done, shows `text` for copying by hand.
fn copy(text: String, done: Text, lang: Lang) {
    let navigator = window().navigator();
    if !has(&navigator, "clipboard") {
        by_hand(&text, lang);
        return;
    }
    let promise = navigator.clipboard().write_text(&text);
    settle(
        &promise,
        move || say(done, lang),
        move |_| by_hand(&text, lang),
    );
}

/// Calls `ok` or `failed` when `promise` settles (closures rather than a future: no executor code for two calls).
fn settle(
    promise: &js_sys::Promise,
    ok: impl FnOnce() + 'static,
    failed: impl FnOnce(JsValue) + 'static,
) {
    let ok = Closure::once(move |_: JsValue| ok());
    let failed = Closure::once(failed);
    let _ = promise.then2(&ok, &failed);
    // Called once by the browser, later: they must outlive this call (a few bytes per copy).
    ok.forget();
    failed.forget();
}

/// The browser's share sheet with the link; a refusal other than the reader's own cancel shows it by hand.
fn share(url: String, lang: Lang) {
    let data = web_sys::ShareData::new();
    data.set_title(&document().title());
    data.set_url(&url);
    let promise = window().navigator().share_with_data(&data);
    settle(
        &promise,
        || (),
        move |err| {
            let cancelled = js_sys::Reflect::get(&err, &JsValue::from_str("name"))
                .ok()
                .and_then(|n| n.as_string())
                .is_some_and(|n| n == "AbortError");
            if !cancelled {
                by_hand(&url, lang);
            }
        },
    );
}

/// Says `words` politely (the tools' status line).
pub(crate) fn say(words: Text, lang: Lang) {
    if let Some(status) = document().get_element_by_id("tools-status") {
        status.set_text_content(Some(words.get(lang)));
    }
    if let Some(manual) = document().get_element_by_id("tools-manual") {
        let _ = manual.set_attribute("hidden", "");
    }
}

/// Shows `text` in the field for copying by hand, selected and focused.
fn by_hand(text: &str, lang: Lang) {
    let doc = document();
    if let (Some(manual), Some(field)) = (
        doc.get_element_by_id("tools-manual"),
        doc.get_element_by_id("tools-manual-text")
            .and_then(|f| f.dyn_into::<web_sys::HtmlTextAreaElement>().ok()),
    ) {
        let _ = manual.remove_attribute("hidden");
        field.set_value(text);
        let _ = field.focus();
        field.select();
    }
    if let Some(status) = doc.get_element_by_id("tools-status") {
        status.set_text_content(Some(strings::COPY_BY_HAND.get(lang)));
    }
}
