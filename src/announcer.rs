//! The live region: what a screen reader hears when the active generation or playback changes.

use leptos::prelude::*;

/// A polite live region, empty on the page as built.
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn Announcer() -> impl IntoView {
    view! { <div class="visually-hidden announcer" aria-live="polite" aria-atomic="true"></div> }
}

/// Announces the newly active generation and playback starting or stopping, once per change (not on load, not
/// per keystroke that changes nothing).
#[cfg(target_arch = "wasm32")]
pub fn adopt() {
    use crate::language::use_lang;
    use crate::nav::PlayState;
    use crate::playback::use_playback;
    use crate::route::View;
    use crate::router::use_router;
    use crate::strings;

    let router = use_router();
    let playback = use_playback().state;
    let lang = use_lang();
    let region = crate::components::find(".announcer");
    let before = std::cell::Cell::new(None::<(View, PlayState)>);
    crate::effect(move |_| {
        let now = (router.view.get(), playback.get());
        if let Some(before) = before.replace(Some(now))
            && let Some(text) = strings::announcement(lang.get_untracked(), before, now)
            && let Some(region) = &region
        {
            region.set_text_content(Some(&text));
        }
    });
}
