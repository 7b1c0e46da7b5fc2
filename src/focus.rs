//! Keyboard focus that navigation would drop: when a move removes or disables the control that had focus
//! (the detail's buttons, the bad-link notice), focus goes to the heading of what is shown now instead of
//! falling to the page, where a keyboard or screen-reader user would have to start over.

use leptos::html::H2;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::platform;
use crate::router::Router;

/// Whether focus was dropped: the page has it (nothing else does, or the element that has it is about to
/// lose it), and the element that last had it is gone, disabled or hidden. Focus the reader put on the page
/// themselves (a click on the background) is left there.
fn was_dropped(last: Option<&web_sys::Element>) -> bool {
    let gone = |el: &web_sys::Element| {
        !el.is_connected()
            || el.matches(":disabled").unwrap_or(false)
            || el.closest("[hidden]").ok().flatten().is_some()
    };
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

/// After each of the reader's moves, once the new view is in place, puts dropped focus on the heading of what
/// is shown: the overview's or the detail's. Playback's own steps never move focus.
pub fn keep_on_moves(router: Router, overview: NodeRef<H2>, detail: NodeRef<H2>) {
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
    // One callback for every frame it is asked for, made once: a closure made per move would leave a small
    // stub behind in the wasm each time (wasm-bindgen frees those only when the JS garbage collector gets to
    // them, and only with weak references), and a reader moves thousands of times in a day.
    let frame = StoredValue::new(None::<i32>);
    let rescue = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        let _ = frame.try_set_value(None);
        let dropped = last_focused.try_with_value(|last| was_dropped(last.as_ref()));
        let shown = router
            .active
            .try_get_untracked()
            .map(|a| if a.is_some() { detail } else { overview });
        if dropped == Some(true)
            && let Some(heading) = shown.and_then(|h| h.try_get_untracked().flatten())
        {
            let _ = heading.focus();
        }
    });
    let rescue = StoredValue::new_local(rescue);
    on_cleanup(move || {
        if let Some(id) = frame.get_value() {
            let _ = window().cancel_animation_frame(id);
        }
    });
    crate::effect(move |first| {
        router.track_reader_moves();
        if !first && frame.get_value().is_none() {
            // A frame later the new view is in place.
            let id =
                rescue.with_value(|f| window().request_animation_frame(f.as_ref().unchecked_ref()));
            frame.set_value(id.ok());
        }
    });
}
