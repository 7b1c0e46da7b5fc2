//! The overview: shown when no generation is selected.

use leptos::prelude::*;

use crate::data::SITE;
use crate::language::tr;
use crate::route::View;
use crate::router::use_router;
use crate::strings;

/// The post's main heading, a short introduction and how to move around, hidden while a generation is shown.
/// It does not fade in: it is the first view (prerendered), and its paragraph is what the browser counts as the
/// largest contentful paint.
#[component]
pub fn Overview() -> impl IntoView {
    let router = use_router();
    view! {
        <section class="overview" aria-labelledby="overview-heading" hidden=move || router.view.get() != View::Overview>
            <h2 id="overview-heading" tabindex="-1">{tr(SITE.heading)}</h2>
            <p class="overview-intro">{tr(strings::INTRO)}</p>
            <p class="keys-hint">{tr(strings::KEYS_HINT)}</p>
        </section>
    }
}
