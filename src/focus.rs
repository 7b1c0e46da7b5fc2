//! Where the reader's eyes and keyboard focus go after a move.
//! - Focus that navigation would drop: when a move removes, hides or disables the control that had focus (the
//!   detail's buttons, the bad-link notice), focus goes to the heading of what is shown now instead of falling
//!   to the page, where a keyboard or screen-reader user would have to start over.
//! - The chosen generation brought into view: on a phone the detail starts far below the timeline, so a tap on
//!   a node (or Play) would only move a highlight ring. [`reveal_detail`] scrolls the detail's top into view
//!   when its heading is not on screen (smoothly unless the reader asked for reduced motion). Playback's later steps never scroll or move focus: the reader may be reading.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::platform;
use crate::route::View;
use crate::router::Router;

/// What the next frame (once the new view is in place) should do.
#[derive(Clone, Copy, Default)]
struct Asked {
    /// Put dropped focus on the heading (after a reader's move).
    rescue: bool,
    /// Bring the detail into view; `Some(true)`: and put focus on its heading when it had to scroll.
    reveal: Option<bool>,
}

thread_local! {
    static ASKED: Cell<Asked> = Cell::default();
    /// The frame asked for, if one is pending.
    static FRAME: Cell<Option<i32>> = const { Cell::new(None) };
    /// The one callback for every frame, made once by [`keep_on_moves`]: a closure made per move would leave a
    /// small stub behind in the wasm each time (wasm-bindgen frees those only when the JS garbage collector gets
    /// to them), and a reader moves thousands of times in a day.
    static CALLBACK: RefCell<Option<Closure<dyn Fn()>>> = const { RefCell::new(None) };
    /// The element that last had focus (kept here rather than in a `StoredValue::new_local`, whose thread check
    /// costs the wasm `std::thread::current`).
    static LAST_FOCUSED: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// Asks the next frame to do `what` too.
fn ask(what: impl FnOnce(&mut Asked)) {
    let mut asked = ASKED.get();
    what(&mut asked);
    ASKED.set(asked);
    if FRAME.get().is_none() {
        let id = CALLBACK.with_borrow(|f| {
            f.as_ref().and_then(|f| {
                window()
                    .request_animation_frame(f.as_ref().unchecked_ref())
                    .ok()
            })
        });
        FRAME.set(id);
    }
}

/// After the move just made, bring the detail into view if its heading is off screen (a tap on a node or a
/// table row, Play). With `move_focus`, focus goes to the heading when the page had to scroll (the control the
/// reader used is then out of sight).
pub fn reveal_detail(move_focus: bool) {
    ask(|a| a.reveal = Some(move_focus || a.reveal == Some(true)));
}

/// Where dropped focus should go, if it was dropped: the page has it (nothing else does, or the element that
/// has it is about to lose it), and the element that last had it is gone, disabled or hidden (→ the heading),
/// or was a timeline node (→ the active node: Firefox blurs the focused node on Back/Forward before the app
/// sees the move, where Chromium lets focus come along with the keys' moves). Focus the reader put on the page
/// themselves (a click on the background) is otherwise left there.
fn dropped(last: Option<&web_sys::Element>) -> Option<Rescue> {
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
    let last = last.filter(|_| on_page)?;
    if gone(last) {
        Some(Rescue::Heading)
    } else if last.class_list().contains("node") {
        Some(Rescue::ActiveNode)
    } else {
        None
    }
}

/// Where [`dropped`] focus goes.
enum Rescue {
    Heading,
    ActiveNode,
}

/// Scrolls the view (the heading's article or section) to the top of the screen if the heading is not wholly on it
/// (with `centre`: the element itself to the middle); returns whether it did.
fn scroll_into_view(heading: &web_sys::HtmlElement, centre: bool) -> bool {
    let rect = heading.get_bounding_client_rect();
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if rect.height() == 0.0 || (rect.top() >= 0.0 && rect.bottom() <= height) {
        return false;
    }
    let target = if centre {
        None
    } else {
        heading.closest("article, section").ok().flatten()
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    if centre {
        options.set_block(web_sys::ScrollLogicalPosition::Center);
    }
    options.set_behavior(if platform::reduced_motion() {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    target
        .as_ref()
        .unwrap_or(heading)
        .scroll_into_view_with_scroll_into_view_options(&options);
    true
}

/// Puts the browser's Tab starting point back at the top of the app (before the skip link), unless something has
/// focus. A link like `#/gen/3` names the print edition's article of generation 3 (its id, so that the link leads
/// there without the app), and the browser starts Tab from there: inside the hidden print edition, so the first
/// Tab would land on the tools at the page's foot instead of the skip link.
pub fn tab_from_top() {
    let doc = document();
    if doc
        .active_element()
        .is_some_and(|el| doc.body().is_none_or(|b| !b.is_same_node(Some(&el))))
    {
        return;
    }
    // Only a link that names an element moves the starting point. Any other (`#/`, `#/gen/3?lang=en`) leaves it
    // where it is, and is spared the focus below: focusing brings the page's style up to date at once, which at
    // start-up (the app's first marks just made) was a forced style recalculation inside the start-up task.
    let hash = window().location().hash().unwrap_or_default();
    let Some(fragment) = hash.strip_prefix('#').filter(|f| !f.is_empty()) else {
        return;
    };
    let decoded = js_sys::decode_uri_component(fragment)
        .ok()
        .and_then(|d| d.as_string());
    if doc.get_element_by_id(fragment).is_none()
        && decoded.is_none_or(|d| doc.get_element_by_id(&d).is_none())
    {
        return;
    }
    if let Some(app) = doc
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = app.set_attribute("tabindex", "-1");
        focus_in_place(&app);
        let _ = app.blur();
        let _ = app.remove_attribute("tabindex");
    }
}

/// Focuses `el` without scrolling (the page was just scrolled to it).
fn focus_in_place(el: &web_sys::HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = el.focus_with_options(&options);
}

/// The id of each view's heading, for focus that navigation would drop. By id rather than a `NodeRef`: the
/// detail's heading is a copy of the print edition's (see `components::detail`), made outside any view.
const fn heading_id(view: View) -> &'static str {
    match view {
        View::Overview => "overview-heading",
        View::Compare(_) => "compare-heading",
        View::Tech(_) => "tech-heading",
        // The summary slide: its table's caption (focusable by script).
        View::Present(slide) if slide.generation().is_none() => "summary-table-caption",
        View::Generation(_) | View::Present(_) => "detail-heading",
    }
}

/// Installs the frame's work: after each of the reader's moves, dropped focus goes to the heading of what is
/// shown; after [`reveal_detail`], what is shown (other than the overview) comes into view.
pub fn keep_on_moves(router: Router) {
    if !platform::IN_BROWSER {
        return;
    }
    let focusin = window_event_listener(leptos::ev::focusin, move |ev| {
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        LAST_FOCUSED.set(target);
    });
    on_cleanup(move || focusin.remove());
    let callback = Closure::<dyn Fn()>::new(move || {
        FRAME.set(None);
        let asked = ASKED.take();
        let Some(view) = router.view.try_get_untracked() else {
            return; // the app is gone
        };
        let Some(heading) = document()
            .get_element_by_id(heading_id(view))
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        if asked.rescue {
            match LAST_FOCUSED.with_borrow(|last| dropped(last.as_ref())) {
                Some(Rescue::Heading) => {
                    let _ = heading.focus();
                }
                Some(Rescue::ActiveNode) => {
                    if let Some(node) = document()
                        .query_selector("a.node[aria-current]")
                        .ok()
                        .flatten()
                        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = node.focus();
                    }
                }
                None => {}
            }
        }
        let Some(move_focus) = asked.reveal.filter(|_| view != View::Overview) else {
            return;
        };
        // A technology of the index: its entry (and its link) rather than the index's heading.
        if let View::Tech(Some(tech)) = view
            && let Some(entry) = document()
                .get_element_by_id(&tech.anchor())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            if scroll_into_view(&entry, true)
                && move_focus
                && let Some(link) = entry
                    .query_selector("a")
                    .ok()
                    .flatten()
                    .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
            {
                focus_in_place(&link);
            }
            return;
        }
        if scroll_into_view(&heading, false) && move_focus {
            focus_in_place(&heading);
        }
    });
    CALLBACK.set(Some(callback));
    on_cleanup(|| {
        if let Some(id) = FRAME.take() {
            let _ = window().cancel_animation_frame(id);
        }
        ASKED.take();
        CALLBACK.take();
        LAST_FOCUSED.take();
    });
    crate::effect(move |first| {
        router.track_reader_moves();
        if !first {
            ask(|a| a.rescue = true);
        }
    });
}
