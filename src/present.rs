//! The presentation (`#/present/3`): the slides are the detail view (one generation, large) and then the summary
//! table, the timeline above them as progress; the stylesheet makes the page a slide (`html[data-present]`).
//! This is what it adds to the page: autoplay from the link (`?play=8`, seconds per slide), paused by the
//! reader's key, click or touch and resumed by Space, and full screen (`F`).

use leptos::prelude::*;

use crate::nav::Command;
use crate::platform::{self, HistoryMode};
use crate::route::View;
use crate::router::Router;

thread_local! {
    /// Whether the reader paused the autoplay: made by [`install`], so that it belongs to the app (a signal made
    /// on first use inside an effect would belong to that effect and be gone when it runs again).
    static PAUSED: std::cell::Cell<Option<RwSignal<bool>>> = const { std::cell::Cell::new(None) };
}

fn paused() -> Option<RwSignal<bool>> {
    PAUSED.get()
}

/// Marks the page as a slide (`<html data-present="3">`) while the presentation is shown, and drives its
/// autoplay: one timer per slide, in an effect, cleared when the slide changes or the autoplay pauses.
pub fn install(router: Router) {
    if !platform::IN_BROWSER {
        return;
    }
    let paused = RwSignal::new(false);
    PAUSED.set(Some(paused));
    on_cleanup(|| PAUSED.set(None));
    crate::effect(move |_| {
        let slide = router.view.get().slide();
        if let Some(root) = platform::root_element() {
            let _ = match slide {
                Some(slide) => root.set_attribute("data-present", &slide.get().to_string()),
                None => root.remove_attribute("data-present"),
            };
        }
        let Some(slide) = slide else {
            // Out of the presentation: the next one starts unpaused.
            paused.set(false);
            return;
        };
        let Some(seconds) = router.play() else {
            return;
        };
        if paused.get() || slide.apply(Command::Next) == Some(slide) {
            return;
        }
        let next = move || {
            if let Some(next) = slide.apply(Command::Next) {
                router.show(View::Present(next), HistoryMode::Replace);
            }
        };
        if let Ok(timer) =
            set_timeout_with_handle(next, std::time::Duration::from_secs(seconds.into()))
        {
            on_cleanup(move || timer.clear());
        }
    });
}

/// Any interaction in the presentation (a key other than Space: `crate::keys`; a click or a touch:
/// `crate::swipe`) pauses the autoplay.
pub fn pause() {
    if let Some(paused) = paused() {
        paused.set(true);
    }
}

/// Space in the presentation: resumes a paused autoplay, or else shows the next slide.
pub fn space(router: Router) {
    if let Some(paused) =
        paused().filter(|p| untrack(|| router.play()).is_some() && p.get_untracked())
    {
        paused.set(false);
    } else {
        router.command(Command::Next);
    }
}

/// Full screen on or off (where the browser allows it; a refusal changes nothing).
pub fn toggle_fullscreen() {
    let doc = document();
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    } else if let Some(root) = doc.document_element() {
        let _ = root.request_fullscreen();
    }
}
