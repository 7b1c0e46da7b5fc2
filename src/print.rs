//! The print edition: every generation in full, one after another. It is what printing gives, and what a
//! reader without the app reads (hidden while the app runs).

use leptos::prelude::*;

use crate::language::tr;
use crate::strings;

/// The six generations in full, in both languages (the stylesheet shows the reader's). Each article's id is
/// its route (`/gen/3`), so the timeline's `#/gen/3` links lead to it when there is no app to follow them.
///
/// The articles are rendered into the page at build time only: they never change, so the app leaves them as
/// they are, and the wasm carries no second copy of them.
#[component]
pub fn PrintEdition() -> impl IntoView {
    view! {
        <section class="print-edition" aria-labelledby="print-heading">
            <h2 id="print-heading">{tr(strings::ALL_GENERATIONS)}</h2>
            {articles()}
        </section>
    }
}

/// The six articles (at build time).
fn articles() -> impl IntoView {
    use crate::components::detail::GenerationContent;
    use crate::data::GenerationId;

    GenerationId::all()
        .map(|id| {
            view! {
                <article class="print-generation" id=format!("/gen/{id}") data-gen=id.get()>
                    <GenerationContent id=id heading_id=format!("print-gen-{id}") />
                </article>
            }
        })
        .collect_view()
}
