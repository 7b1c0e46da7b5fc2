//! Two or three generations side by side: one column per generation, one row per aspect the post gives them.

use leptos::html::{Div, H2};
use leptos::prelude::*;

use crate::data::GenerationId;
use crate::language::tr;
use crate::route::{Selection, View};
use crate::router::use_router;
use crate::strings;

/// The comparison view, hidden unless the route is `#/compare/…`: which generations (checkboxes), and the table.
#[component]
pub fn Compare(
    /// Takes the heading, for focus that navigation would drop.
    heading: NodeRef<H2>,
) -> impl IntoView {
    let router = use_router();
    let selection = Memo::new(move |_| router.view.get().compare());
    let body = NodeRef::<Div>::new();
    crate::effect(move |_| {
        if let (Some(body), Some(selection)) = (body.get(), selection.get()) {
            body.set_inner_html(&crate::compare::table(selection));
        }
    });
    view! {
        <section class="compare" aria-labelledby="compare-heading" hidden=move || selection.get().is_none()>
            <h2 id="compare-heading" tabindex="-1" node_ref=heading>{tr(strings::COMPARE)}</h2>
            <Picker selection=selection />
            // The region scrolls sideways on a narrow screen; its table is `crate::compare::table`'s markup.
            <div
                class="table-wrap compare-wrap"
                role="region"
                tabindex="0"
                aria-labelledby="compare-caption"
                node_ref=body
            ></div>
            <p class="compare-key">{tr(strings::ONLY_HERE_KEY)}</p>
        </section>
    }
}

/// Six checkboxes: which generations are compared (two or three).
#[component]
fn Picker(selection: Memo<Option<Selection>>) -> impl IntoView {
    let router = use_router();
    let boxes = GenerationId::all().map(|id| {
        let checked = move || selection.get().is_some_and(|s| s.contains(id));
        // The change this box would make: `None` when it can't (the last two can't go, a fourth can't come).
        let change = move || {
            selection
                .get()
                .and_then(|s| if s.contains(id) { s.without(id) } else { s.with(id) })
        };
        let on_change = move |_| {
            if let Some(next) = change() {
                router.go(View::Compare(next));
            }
        };
        view! {
            <label class="pick" data-gen=id.get()>
                <input type="checkbox" prop:checked=checked disabled=move || change().is_none() on:change=on_change />
                {tr(id.generation().label)}
            </label>
        }
    });
    view! {
        <fieldset class="compare-pick">
            <legend>{tr(strings::COMPARE_PICK)}</legend>
            {boxes.collect_view()}
        </fieldset>
    }
}

/// "Compare with": links to a comparison of `id` with each other generation.
#[component]
pub fn CompareWith(id: GenerationId) -> impl IntoView {
    let links = GenerationId::all()
        .filter(|&other| other != id)
        .filter_map(move |other| {
            let selection = Selection::new(&[id, other])?;
            Some(view! {
                <li>
                    <a href=crate::route::Route::to(View::Compare(selection)).to_string()>
                        {tr(other.generation().label)}
                    </a>
                </li>
            })
        });
    view! {
        <nav class="compare-with" aria-labelledby="compare-with-label">
            <span id="compare-with-label">{tr(strings::COMPARE_WITH)}</span>
            <ul>{links.collect_view()}</ul>
        </nav>
    }
}
