//! The ways to the views besides the timeline: a comparison and the technology index.

use leptos::prelude::*;

use crate::data::GenerationId;
use crate::language::{tr, tr_attr};
use crate::route::{Route, Selection, View};
use crate::router::use_router;
use crate::strings;

/// The ways to the other views: a comparison (the one shown, else of the active generation and the next, or of 1
/// and 2) and the technology index.
#[component]
pub fn ViewLinks() -> impl IntoView {
    let router = use_router();
    // The comparison shown, else one of the active generation and its neighbour.
    let compare = move || {
        let selection = router.view.get().compare().unwrap_or_else(|| {
            Selection::starting_at(router.active.get().unwrap_or(GenerationId::FIRST))
        });
        Route::to(View::Compare(selection)).to_string()
    };
    view! {
        <nav class="view-links" aria-label=tr_attr(strings::VIEWS)>
            <a href=compare aria-current=move || router.view.get().compare().map(|_| "page")>
                {tr(strings::COMPARE)}
            </a>
            <a href=Route::to(View::Tech(None)).to_string() aria-current=move || matches!(router.view.get(), View::Tech(_)).then_some("page")>
                {tr(strings::TECH_INDEX)}
            </a>
        </nav>
    }
}
