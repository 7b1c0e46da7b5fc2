//! The search field: as the reader types, the matching generations stand out on the timeline (the others dim)
//! and a list shows where each matches. The query rides in the link (`?q=`).

#[cfg(not(target_arch = "wasm32"))]
use leptos::prelude::*;

/// The field, its results and their count (a polite live region).
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn Search() -> impl IntoView {
    use crate::language::tr;
    use crate::strings;

    view! {
        <div class="search" role="search">
            <label for=crate::keys::SEARCH_FIELD>{tr(strings::SEARCH)} <kbd aria-hidden="true">"/"</kbd></label>
            <input id=crate::keys::SEARCH_FIELD type="search" autocomplete="off" spellcheck="false" />
            // A live region of its own (not role=status, which names the bad-link notice).
            <p class="search-count" aria-live="polite"></p>
            <div class="search-results"></div>
        </div>
    }
}

/// The search in the browser: the field and its results adopted as the page has them.
///
/// Korean is typed through an input method: while a syllable is being composed nothing is searched and nothing
/// is written into the field (so no syllable is lost, doubled or moved); the search runs when it is done. The
/// field is never rewritten while the reader types in it; only a link (deep link, back/forward) fills it.
#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::Cell;

    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    use crate::components::{find, listen, with_gen};
    use crate::language::use_lang;
    use crate::router::use_router;
    use crate::search;
    use crate::strings;

    thread_local! {
        /// While an input method composes a syllable.
        static COMPOSING: Cell<bool> = const { Cell::new(false) };
        /// The timer that puts the query into the link once typing pauses.
        static PENDING: Cell<Option<TimeoutHandle>> = const { Cell::new(None) };
    }

    /// Stops the timer that would put the query into the link, if one is waiting.
    fn cancel_pending() {
        if let Some(timer) = PENDING.take() {
            timer.clear();
        }
    }

    /// How long typing must pause before the query goes into the link.
    const LINK_AFTER: std::time::Duration = std::time::Duration::from_millis(400);

    /// Runs the search as the reader types, and keeps the field, the link's `?q=`, the results and the timeline's
    /// marks in step.
    pub fn adopt() {
        let router = use_router();
        let lang = use_lang();
        let Some(field) = document()
            .get_element_by_id(crate::keys::SEARCH_FIELD)
            .and_then(|f| f.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let (count, list) = (find(".search-count"), find(".search-results"));
        on_cleanup(|| {
            cancel_pending();
            COMPOSING.set(false);
        });
        // What is searched: the field as typed. It goes into the link once typing pauses (a history write per key
        // costs the keystroke a same-document navigation, and the browser reloads the page's icon after each).
        // At first the page's (none); the link's query, if any, is put in just below.
        let query = RwSignal::new(String::new());
        let write_link = move || {
            cancel_pending();
            router.set_search(&query.get_untracked());
        };
        // The link's query into the field, when it says something else (not while composing or while typing).
        let input = field.clone();
        crate::effect(move |_| {
            let q = router.search();
            if PENDING.get().is_none() && !COMPOSING.get() && q != query.get_untracked() {
                query.set(q.clone());
                input.set_value(&q);
            }
        });
        // The results, and the timeline's marks (at start-up without a query there is nothing to undo).
        crate::effect(move |first| {
            let (q, lang) = (query.get(), lang.get());
            let searching = !search::prepare(&q).is_empty();
            if first && !searching {
                return;
            }
            let matches = search::search(&q, lang);
            if let Some(list) = &list {
                list.set_inner_html(&search::results(&q, lang, &matches));
                let _ = list.set_attribute("lang", lang.code());
            }
            if let Some(count) = &count {
                let text = if searching {
                    strings::search_count(lang, matches.len())
                } else {
                    String::new()
                };
                count.set_text_content(Some(&text));
            }
            let nodes = document()
                .query_selector_all(".timeline-node[data-gen]")
                .ok();
            for (node, id) in with_gen(nodes) {
                let found = matches.iter().any(|m| Some(m.generation) == id);
                let list = node.class_list();
                let _ = list.toggle_with_force("found", searching && found);
                let _ = list.toggle_with_force("dimmed", searching && !found);
            }
        });
        let value = {
            let field = field.clone();
            move || field.value()
        };
        let typed = {
            let value = value.clone();
            move || {
                query.set(value());
                cancel_pending();
                PENDING.set(set_timeout_with_handle(write_link, LINK_AFTER).ok());
            }
        };
        // The field's events, each heard on the window (`components::listen`) and kept if it was the field's.
        let on_field = move |event: &str, f: Box<dyn Fn(web_sys::Event)>| {
            let field = field.clone();
            listen(event, move |ev| {
                if ev.target().is_some_and(|t| field.is_same_node(t.dyn_ref())) {
                    f(ev);
                }
            });
        };
        let on_input = typed.clone();
        on_field(
            "input",
            Box::new(move |_| {
                if !COMPOSING.get() {
                    on_input();
                }
            }),
        );
        on_field(
            "focusin",
            Box::new(move |_| search::warm(lang.get_untracked())),
        );
        let field_value = value.clone();
        on_field(
            "keydown",
            Box::new(move |ev| {
                let Ok(ev) = ev.dyn_into::<web_sys::KeyboardEvent>() else {
                    return;
                };
                // A key that ends a composition (Enter in a Korean input method) belongs to it.
                if ev.is_composing() || ev.key_code() == 229 {
                    return;
                }
                match ev.key().as_str() {
                    "Enter" => {
                        ev.prevent_default();
                        write_link();
                        if let Some(first) =
                            search::search(&field_value(), lang.get_untracked()).first()
                        {
                            router.navigate(Some(first.generation));
                            crate::focus::reveal_detail(true);
                        }
                    }
                    "Escape" | "Esc" => {
                        ev.prevent_default();
                        if let Some(field) = ev
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                        {
                            field.set_value("");
                        }
                        query.set(String::new());
                        write_link();
                    }
                    _ => {}
                }
            }),
        );
        on_field("compositionstart", Box::new(move |_| COMPOSING.set(true)));
        on_field(
            "compositionend",
            Box::new(move |_| {
                COMPOSING.set(false);
                typed();
            }),
        );
        // Leaving the field (for a result's link, say) puts the query in the link at once.
        on_field(
            "focusout",
            Box::new(move |_| {
                if PENDING.get().is_some() {
                    write_link();
                }
            }),
        );
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::adopt;
