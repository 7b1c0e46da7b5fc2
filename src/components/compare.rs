//! Two or three generations side by side: one column per generation, one row per aspect the post gives them.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::data::GenerationId;
use crate::language::tr;
use crate::route::View;
use crate::router::use_router;
use crate::strings;

/// The comparison view, hidden unless the route is `#/compare/…`: which generations (checkboxes), and the table.
#[component]
pub fn Compare() -> impl IntoView {
    let router = use_router();
    let selection = Memo::new(move |_| router.view.get().compare());
    let (pick, body) = (NodeRef::<Div>::new(), NodeRef::<Div>::new());
    crate::effect(move |_| {
        if let (Some(pick), Some(body), Some(selection)) = (pick.get(), body.get(), selection.get())
        {
            // The checkbox the reader just used is made anew: focus goes to its successor, not to the heading.
            let used = document()
                .active_element()
                .filter(|el| pick.contains(Some(el)))
                .and_then(|el| el.get_attribute("value"));
            pick.set_inner_html(&crate::compare::picker(selection));
            body.set_inner_html(&crate::compare::table(selection));
            if let Some(input) = used
                .and_then(|n| {
                    pick.query_selector(&format!("input[value='{n}']"))
                        .ok()
                        .flatten()
                })
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = input.focus();
            }
        }
    });
    // A checkbox of the picker: that generation in or out.
    let on_change = move |ev: leptos::ev::Event| {
        let Some(n) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.value().parse::<u8>().ok())
        else {
            return;
        };
        if let Some(next) = GenerationId::new(n)
            .and_then(|id| selection.get_untracked().and_then(|s| s.toggled(id)))
        {
            router.go(View::Compare(next));
        }
    };
    view! {
        <section
            class="compare"
            aria-labelledby="compare-heading"
            hidden=move || selection.get().is_none()
            on:change=on_change
        >
            <h2 id="compare-heading" tabindex="-1">{tr(strings::COMPARE)}</h2>
            <div node_ref=pick></div>
            // The region scrolls sideways on a narrow screen; its table is `crate::compare::table`'s markup.
            <div
                class="table-wrap compare-wrap"
                role="region"
                tabindex="0"
                aria-labelledby="compare-caption"
                node_ref=body
            ></div>
            <p class="compare-key">{tr(strings::ONLY_HERE_KEY)}</p>
            <p class="compare-key">{tr(strings::PICK_KEY)}</p>
        </section>
    }
}
