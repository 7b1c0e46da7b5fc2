//! Two or three generations side by side: one column per generation, one row per aspect the post gives them.

use leptos::prelude::*;

/// The comparison view, hidden unless the route is `#/compare/…`: which generations (checkboxes), and the table,
/// both written by the app as markup (`crate::compare`) into their places.
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn Compare() -> impl IntoView {
    use crate::language::tr;
    use crate::strings;

    view! {
        <section class="compare" aria-labelledby="compare-heading" hidden>
            <h2 id="compare-heading" tabindex="-1">{tr(strings::COMPARE)}</h2>
            <div class="compare-picker"></div>
            // The region scrolls sideways on a narrow screen; its table is `crate::compare::table`'s markup.
            <div
                class="table-wrap compare-wrap"
                role="region"
                tabindex="0"
                aria-labelledby="compare-caption"
            ></div>
            <p class="compare-key">{tr(strings::ONLY_HERE_KEY)}</p>
            <p class="compare-key">{tr(strings::PICK_KEY)}</p>
        </section>
    }
}

/// Writes the picker and the table for the generations compared, and follows the checkboxes.
#[cfg(target_arch = "wasm32")]
pub fn adopt() {
    use wasm_bindgen::JsCast;

    use crate::components::{closest, find, listen, show, target};
    use crate::data::GenerationId;
    use crate::route::View;
    use crate::router::use_router;

    let router = use_router();
    let section = find("section.compare");
    let (pick, body) = (find(".compare-picker"), find(".compare-wrap"));
    crate::effect(move |_| {
        let selection = router.view.get().compare();
        show(section.clone(), selection.is_some());
        if let (Some(pick), Some(body), Some(selection)) = (&pick, &body, selection) {
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
    listen("change", move |ev| {
        let Some(n) = target(&ev)
            .filter(|el| closest(el, ".compare-pick").is_some())
            .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.value().parse::<u8>().ok())
        else {
            return;
        };
        if let Some(next) =
            GenerationId::new(n).and_then(|id| router.view.get_untracked().compare()?.toggled(id))
        {
            router.go(View::Compare(next));
        }
    });
}
