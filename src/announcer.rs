//! The live region: what a screen reader hears when the active generation or playback changes.

use leptos::prelude::*;

use crate::language::use_lang;
use crate::nav::PlayState;
use crate::playback::use_playback;
use crate::route::View;
use crate::router::use_router;
use crate::strings;

/// A polite live region: announces the newly active generation and playback starting or stopping, once
/// per change (not on load, not per keystroke that changes nothing).
#[component]
pub fn Announcer() -> impl IntoView {
    let router = use_router();
    let playback = use_playback().state;
    let lang = use_lang();
    let message = RwSignal::new(String::new());
    let before = StoredValue::new(None::<(View, PlayState)>);
    crate::effect(move |_| {
        let now = (router.view.get(), playback.get());
        if let Some(before) = before.get_value()
            && let Some(text) = strings::announcement(lang.get_untracked(), before, now)
        {
            message.set(text);
        }
        before.set_value(Some(now));
    });
    view! { <div class="visually-hidden" aria-live="polite" aria-atomic="true">{message}</div> }
}
