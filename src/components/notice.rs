//! A polite notice for a link the app could not understand.

use leptos::prelude::*;

use crate::data::Lang;
use crate::markup::Markup;
use crate::route::{RouteError, View};
use crate::strings;

/// Shown while the URL fragment is not one of ours; the view nearest to it is shown meanwhile.
/// "Dismiss" replaces the bad fragment with the overview's, so a reload is clean too.
///
/// Its slot is empty on the page as built; the notice is written as markup ([`notice`]: the bad link's excerpt
/// escaped), which costs the wasm a fraction of a view of it.
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn BadLinkNotice() -> impl IntoView {
    view! { <div class="notice-slot"></div> }
}

/// Writes the notice into its slot while the link is bad, and follows "Dismiss".
#[cfg(target_arch = "wasm32")]
pub fn adopt() {
    use crate::components::{closest, find, listen, target};
    use crate::router::use_router;

    let router = use_router();
    let slot = find(".notice-slot");
    crate::effect(move |_| {
        let html = router.parsed.with(|p| p.as_ref().err().map(notice));
        if let Some(slot) = &slot {
            slot.set_inner_html(html.as_deref().unwrap_or_default());
        }
    });
    listen("click", move |ev| {
        if target(&ev).is_some_and(|el| closest(&el, ".notice-dismiss").is_some()) {
            router.clear_bad_link();
        }
    });
}

/// The notice about `err`, in both languages.
pub fn notice(err: &RouteError) -> String {
    let mut m = Markup::new();
    m.raw(r#"<div class="notice" role="status"><p class="notice-text">"#);
    m.both_with(|m, lang: Lang| {
        m.text(&strings::bad_link(
            lang,
            &err.excerpt,
            err.fallback == View::Overview,
        ));
    });
    m.raw(r#"</p><button type="button" class="notice-dismiss">"#);
    m.both(strings::DISMISS);
    m.raw("</button></div>");
    m.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::Route;

    #[test]
    fn the_notice_repeats_the_link_as_text() {
        let Err(err) = Route::parse("#/gen/<b>9</b>") else {
            panic!("a bad link")
        };
        let html = notice(&err);
        assert!(
            html.contains("&lt;b&gt;9&lt;/b&gt;") && !html.contains("<b>"),
            "{html}"
        );
        assert!(
            html.contains(r#"role="status""#) && html.contains("notice-dismiss"),
            "{html}"
        );
        assert!(
            html.contains("전체 보기를") && html.contains(r#"lang="en""#),
            "{html}"
        );
    }
}
