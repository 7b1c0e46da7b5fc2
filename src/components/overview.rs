//! The overview: shown when no generation is selected.

use leptos::prelude::*;

use crate::data::SITE;
use crate::state::use_app_state;
use crate::ui;

/// The post's main heading, a short introduction and how to move around. It does not fade in: it is the
/// first view (prerendered), and its paragraph is what the browser counts as the largest contentful paint.
#[component]
pub fn Overview() -> impl IntoView {
    let lang = use_app_state().lang;
    view! {
        <section class="overview" aria-labelledby="overview-heading">
            <h2 id="overview-heading" tabindex="-1">{move || SITE.heading.get(lang.get())}</h2>
            <p class="overview-intro">{move || ui::INTRO.get(lang.get())}</p>
            <p class="keys-hint">{move || ui::KEYS_HINT.get(lang.get())}</p>
        </section>
    }
}
