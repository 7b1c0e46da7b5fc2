//! Links within the app (`#/…`: technology chips, comparisons, search results, the header's views) move like the
//! timeline's nodes: through the router, which keeps the link's language and search and stops playback, and the
//! view they lead to comes into view.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::is_plain_click;
use crate::platform;
use crate::route::Route;
use crate::router::Router;

/// Follows plain clicks on the app's own links, anywhere on the page, for as long as the app lives. Links with
/// their own handler (the timeline's nodes) have already been followed; the tables' generation links, which the
/// build renders, are followed here.
pub fn follow(router: Router) {
    if !platform::IN_BROWSER {
        return;
    }
    let clicks = window_event_listener(leptos::ev::click, move |ev| {
        if !is_plain_click(&ev) || ev.default_prevented() {
            return;
        }
        let Some(href) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href^='#/']").ok().flatten())
            .and_then(|a| a.get_attribute("href"))
        else {
            return;
        };
        if let Ok(route) = Route::parse(&href) {
            ev.prevent_default();
            router.go(route.view);
            crate::focus::reveal_detail(true);
        }
    });
    on_cleanup(move || clicks.remove());
}
