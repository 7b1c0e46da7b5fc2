//! The search field: as the reader types, the matching generations stand out on the timeline (the others dim)
//! and a list shows where each matches. The query rides in the link (`?q=`).

use leptos::html::{Div, Input};
use leptos::prelude::*;

use crate::components::with_gen;
use crate::language::{tr, use_lang};
use crate::router::use_router;
use crate::search;
use crate::strings;

/// How long typing must pause before the query goes into the link.
const LINK_AFTER: std::time::Duration = std::time::Duration::from_millis(400);

/// The field, its results and their count (a polite live region).
///
/// Korean is typed through an input method: while a syllable is being composed nothing is searched and nothing
/// is written into the field (so no syllable is lost, doubled or moved); the search runs when it is done. The
/// field is never rewritten while the reader types in it; only a link (deep link, back/forward) fills it.
#[component]
pub fn Search() -> impl IntoView {
    let router = use_router();
    let lang = use_lang();
    let (field, list) = (NodeRef::<Input>::new(), NodeRef::<Div>::new());
    let composing = StoredValue::new(false);
    let count = RwSignal::new(String::new());
    // What is searched: the field as typed. It goes into the link once typing pauses (a history write per key
    // costs the keystroke a same-document navigation, and the browser reloads the page's icon after each).
    let query = RwSignal::new(router.search.get_untracked());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let write_link = move || {
        if let Some(timer) = pending.get_value() {
            timer.clear();
            pending.set_value(None);
        }
        router.set_search(&query.get_untracked());
    };
    // The link's query into the field, when it says something else (not while composing or while typing).
    crate::effect(move |_| {
        let q = router.search.get();
        if pending.get_value().is_none() && !composing.get_value() && q != query.get_untracked() {
            query.set(q.clone());
            if let Some(field) = field.get_untracked() {
                field.set_value(&q);
            }
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
        if let Some(list) = list.get() {
            list.set_inner_html(&search::results(&q, lang, &matches));
            let _ = list.set_attribute("lang", lang.code());
        }
        count.set(if searching {
            strings::search_count(lang, matches.len())
        } else {
            String::new()
        });
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
    let value = move || field.get_untracked().map(|f| f.value()).unwrap_or_default();
    let typed = move || {
        query.set(value());
        if let Some(timer) = pending.get_value() {
            timer.clear();
        }
        pending.set_value(set_timeout_with_handle(write_link, LINK_AFTER).ok());
    };
    let on_input = move |_: leptos::ev::Event| {
        if !composing.get_value() {
            typed();
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        // A key that ends a composition (Enter in a Korean input method) belongs to it.
        if ev.is_composing() || ev.key_code() == 229 {
            return;
        }
        match ev.key().as_str() {
            "Enter" => {
                ev.prevent_default();
                write_link();
                if let Some(first) = search::search(&value(), lang.get_untracked()).first() {
                    router.navigate(Some(first.generation));
                    crate::focus::reveal_detail(true);
                }
            }
            "Escape" | "Esc" => {
                ev.prevent_default();
                if let Some(field) = field.get_untracked() {
                    field.set_value("");
                }
                query.set(String::new());
                write_link();
            }
            _ => {}
        }
    };
    view! {
        <div class="search" role="search">
            <label for=crate::keys::SEARCH_FIELD>{tr(strings::SEARCH)} <kbd aria-hidden="true">"/"</kbd></label>
            <input
                id=crate::keys::SEARCH_FIELD
                type="search"
                autocomplete="off"
                spellcheck="false"
                node_ref=field
                on:input=on_input
                on:focus=move |_| search::warm(lang.get_untracked())
                on:keydown=on_keydown
                on:compositionstart=move |_| composing.set_value(true)
                on:compositionend=move |_| {
                    composing.set_value(false);
                    typed();
                }
                // Leaving the field (for a result's link, say) puts the query in the link at once.
                on:blur=move |_| {
                    if pending.get_value().is_some() {
                        write_link();
                    }
                }
            />
            // A live region of its own (not role=status, which names the bad-link notice).
            <p class="search-count" aria-live="polite">{count}</p>
            <div class="search-results" node_ref=list></div>
        </div>
    }
}
