//! The embed (`embed.html`, a copy of the page the build makes with `<html data-embed>`; the host configs let only
//! it be framed): the timeline and the active generation with minimal chrome (the stylesheet hides the rest), a
//! link back to the full app, and the page's height told to the host page, which can size its `<iframe>` (the
//! listener is in the README).
//!
//! A link inside the embed changes the frame's own URL, not the host page's: the app follows it there as
//! everywhere, and "open the full app" opens `index.html` with the same view in a new tab.

use leptos::prelude::*;

use crate::data::{Lang, SITE};
use crate::platform;
use crate::router::Router;

/// The message type the host's listener looks for: `{ type: MESSAGE, height }` (CSS px).
pub const MESSAGE: &str = "web-infra-evolution:height";

/// Whether this page is the embed.
pub fn embedded() -> bool {
    platform::root_element().is_some_and(|root| root.has_attribute("data-embed"))
}

/// In the embed: keeps the link to the full app on the view shown, and tells the host page the height after every
/// change of view or language and of the frame's width.
pub fn install(router: Router, lang: Memo<Lang>) {
    if !platform::IN_BROWSER || !embedded() {
        return;
    }
    crate::effect(move |_| {
        let (url, _) = (router.url(), lang.get());
        if let Some(link) = document().get_element_by_id("embed-full") {
            let _ = link.set_attribute("href", &["index.html", &url].concat());
        }
        // After this change is laid out.
        set_timeout(post_height, std::time::Duration::from_millis(50));
    });
    let resize = window_event_listener(leptos::ev::resize, |_| post_height());
    on_cleanup(move || resize.remove());
}

/// `{ type, height }` to the host page (any origin may frame the embed, and the height is no secret).
fn post_height() {
    // The content's height (not scrollHeight, which is never less than the frame's: the frame could only grow).
    let height = document()
        .document_element()
        .map_or(0.0, |root| root.get_bounding_client_rect().height().ceil());
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &MESSAGE.into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    if let Ok(Some(parent)) = window().parent() {
        let _ = parent.post_message(&message, "*");
    }
}

/// The `<iframe>` that embeds the view at `url` (the page's address, its fragment included): `embed.html` beside
/// the page, wherever it is hosted, with a title and a height that fits a generation.
pub fn code(url: &str, lang: Lang) -> String {
    let (page, hash) = url.split_once('#').unwrap_or((url, ""));
    let dir = page.rsplit_once('/').map_or(page, |(dir, _)| dir);
    let mut src = [dir, "/embed.html"].concat();
    if !hash.is_empty() {
        src.push('#');
        src.push_str(hash);
    }
    let mut m = crate::markup::Markup::new();
    m.raw(r#"<iframe src=""#);
    m.text(&src);
    m.raw(r#"" title=""#);
    m.text(SITE.title.get(lang));
    m.raw(r#"" width="100%" height="720" style="border:0" loading="lazy"></iframe>"#);
    m.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_frames_embed_html_beside_the_page_with_the_view() {
        assert_eq!(
            code(
                "https://example.org/web-infra/index.html#/gen/3?lang=en",
                Lang::En
            ),
            r#"<iframe src="https://example.org/web-infra/embed.html#/gen/3?lang=en" title="Web Infrastructure Evolution" width="100%" height="720" style="border:0" loading="lazy"></iframe>"#
        );
        assert!(
            code("https://example.org/web-infra/", Lang::Ko)
                .contains(r#"src="https://example.org/web-infra/embed.html""#)
        );
        let quoted = code(r#"https://example.org/a"b/#/gen/1"#, Lang::Ko);
        assert!(
            quoted.contains("a&quot;b") && quoted.contains(r#"title="웹 인프라 진화""#),
            "{quoted}"
        );
    }
}
