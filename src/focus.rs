//! Keyboard focus that navigation would drop: when a move removes or disables the control that had focus
//! (the detail's buttons, the bad-link notice), focus goes to the heading of what is shown now instead of
//! falling to the page, where a keyboard or screen-reader user would have to start over.

use leptos::html::H2;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::platform;
use crate::router::Router;

/// Whether focus was dropped: the page has it (nothing else does, or the element that has it is about to
/// lose it), and the element that last had it is gone or disabled. Focus the reader put on the page
/// themselves (a click on the background) is left there.
fn was_dropped(last: Option<&web_sys::Element>) -> bool {
    let gone =
        |el: &web_sys::Element| !el.is_connected() || el.matches(":disabled").unwrap_or(false);
    let doc = document();
    let on_page = match doc.active_element() {
        None => true,
        Some(el) => {
            doc.body()
                .is_some_and(|b| el == *b.unchecked_ref::<web_sys::Element>())
                || gone(&el)
        }
    };
    on_page && last.is_some_and(gone)
}

/// After each of the reader's moves, once the new view is in place, puts dropped focus on `heading` (the
/// overview's or the detail's, whichever is shown). Playback's own steps never move focus.
pub fn keep_on_moves(router: Router, heading: NodeRef<H2>) {
    if !platform::IN_BROWSER {
        return;
    }
    let last_focused = StoredValue::new_local(None::<web_sys::Element>);
    let focusin = window_event_listener(leptos::ev::focusin, move |ev| {
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        last_focused.set_value(target);
    });
    on_cleanup(move || focusin.remove());
    crate::effect(move |first| {
        router.track_reader_moves();
        if !first {
            // A frame later the new view is in place (and the app may be gone: then nothing is done).
            request_animation_frame(move || {
                let dropped = last_focused.try_with_value(|last| was_dropped(last.as_ref()));
                if dropped == Some(true)
                    && let Some(heading) = heading.try_get_untracked().flatten()
                {
                    let _ = heading.focus();
                }
            });
        }
    });
}
