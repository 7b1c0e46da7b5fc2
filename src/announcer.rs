//! The live region: what a screen reader hears when the active generation or playback changes.

use leptos::prelude::*;

use crate::data::GenerationId;
use crate::language::use_lang;
use crate::playback::use_playback;
use crate::router::use_router;
use crate::strings;

/// A polite live region: announces the newly active generation and playback starting or stopping, once
/// per change (not on load, not per keystroke that changes nothing).
#[component]
pub fn Announcer() -> impl IntoView {
    let router = use_router();
    let playing = use_playback().playing;
    let lang = use_lang();
    let message = RwSignal::new(String::new());
    Effect::new(move |before: Option<(Option<GenerationId>, bool)>| {
        let now = (router.active.get(), playing.get());
        if let Some(before) = before
            && let Some(text) = strings::announcement(lang.get_untracked(), before, now)
        {
            message.set(text);
        }
        now
    });
    view! { <div class="visually-hidden" aria-live="polite" aria-atomic="true">{message}</div> }
}
