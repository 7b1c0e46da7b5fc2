//! Links within the app (`#/…`: technology chips, comparisons, search results, the header's views) move like the
//! timeline's nodes: through the router, which keeps the link's language and search and stops playback, and the
//! view they lead to comes into view.

use crate::components::is_plain_click;
use crate::route::Route;
use crate::router::Router;

/// Follows a plain click on one of the app's own links (`el` or an ancestor), anywhere on the page; `true` if it
/// was one. Links with their own handler (the timeline's nodes) have already been followed; the tables' generation
/// links, which the build renders, are followed here. Called by the page's one click listener (`crate::actions`).
pub fn follow(router: Router, ev: &web_sys::MouseEvent, el: &web_sys::Element) -> bool {
    if !is_plain_click(ev) || ev.default_prevented() {
        return false;
    }
    let Some(href) = el
        .closest("a[href^='#/']")
        .ok()
        .flatten()
        .and_then(|a| a.get_attribute("href"))
    else {
        return false;
    };
    let Ok(route) = Route::parse(&href) else {
        return false;
    };
    ev.prevent_default();
    router.go(route.view);
    crate::focus::reveal_detail(true);
    true
}
