//! Touch: a swipe left or right moves to the next or previous generation in the detail view, and between slides
//! in the presentation. Pointer events, listened to passively: a swipe never blocks the page's vertical scrolling
//! or its pinch-zoom (the browser cancels the pointer when it scrolls or zooms, and then nothing happens). Tables
//! that scroll sideways keep their own swipes. The buttons stay for those who don't swipe.

use std::cell::Cell;

use leptos::prelude::*;

use crate::components::{closest, target};
use crate::nav::Command;
use crate::platform;
use crate::router::Router;

/// How far (CSS px) a finger must travel sideways, at least twice as far as up or down, within [`MAX_MS`].
const MIN_DISTANCE: i32 = 50;
const MAX_MS: f64 = 1000.0;

thread_local! {
    /// Where and when the touch that may be a swipe began.
    static START: Cell<Option<(i32, i32, f64)>> = const { Cell::new(None) };
}

/// Follows swipes for as long as the app lives.
pub fn follow(router: Router) {
    if !platform::IN_BROWSER {
        return;
    }
    let down = window_event_listener(leptos::ev::pointerdown, move |ev| {
        let presenting = router.view.get_untracked().slide().is_some();
        if presenting {
            crate::present::pause();
        }
        let on_detail = |el: &web_sys::Element| presenting || closest(el, ".detail").is_some();
        let swipeable = ev.pointer_type() == "touch"
            && ev.is_primary()
            && target(&ev)
                .is_some_and(|el| on_detail(&el) && closest(&el, ".table-wrap").is_none());
        // A second finger (a pinch) is not a swipe either.
        START.set(swipeable.then(|| (ev.client_x(), ev.client_y(), ev.time_stamp())));
    });
    let cancel = window_event_listener(leptos::ev::pointercancel, |_| START.set(None));
    let up = window_event_listener(leptos::ev::pointerup, move |ev| {
        let Some((x, y, t)) = START.take() else {
            return;
        };
        let (dx, dy) = (ev.client_x() - x, ev.client_y() - y);
        if dx.abs() >= MIN_DISTANCE && dx.abs() > 2 * dy.abs() && ev.time_stamp() - t <= MAX_MS {
            router.command(if dx < 0 { Command::Next } else { Command::Prev });
        }
    });
    on_cleanup(move || {
        down.remove();
        cancel.remove();
        up.remove();
    });
}
