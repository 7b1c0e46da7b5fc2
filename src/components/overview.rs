//! The overview: shown when no generation is selected.

use leptos::prelude::*;

/// The post's main heading, a short introduction and how to move around, hidden while a generation is shown.
/// It does not fade in: it is the first view (prerendered), and its paragraph is what the browser counts as the
/// largest contentful paint.
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn Overview() -> impl IntoView {
    use crate::data::SITE;
    use crate::language::tr;
    use crate::strings;

    view! {
        <section class="overview" aria-labelledby="overview-heading">
            <h2 id="overview-heading" tabindex="-1">{tr(SITE.heading)}</h2>
            <p class="overview-intro">{tr(strings::INTRO)}</p>
            <p class="keys-hint">{tr(strings::KEYS_HINT)}</p>
        </section>
    }
}

/// Hides the overview while the route is not it.
#[cfg(target_arch = "wasm32")]
pub fn adopt() {
    use crate::components::{find, show};
    use crate::route::View;
    use crate::router::use_router;

    let router = use_router();
    let section = find(".overview");
    crate::effect(move |_| show(section.clone(), router.view.get() == View::Overview));
}
