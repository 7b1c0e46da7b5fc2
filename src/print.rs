//! The print edition: every generation in full, one after another. It is what printing gives, and what a
//! reader without the app reads (hidden while the app runs).

use std::time::Duration;

use leptos::html::Section;
use leptos::prelude::*;

use crate::components::detail::GenerationContent;
use crate::data::GenerationId;
use crate::language::{tr, use_language};
use crate::platform;
use crate::strings;

/// How long after start-up the print edition is built in the browser.
const BUILD_DELAY: Duration = Duration::from_millis(300);

/// The six generations in full. Each article's id is its route (`/gen/3`), so the timeline's `#/gen/3` links
/// lead to it when there is no app to follow them.
///
/// The prerendered page has the articles from the start. In the browser they are mounted into the section a
/// moment after start-up (or at once when printing begins), so they don't lengthen the start-up task; a
/// separate mount keeps the app's own view code free of a second, reactive copy of them.
#[component]
pub fn PrintEdition() -> impl IntoView {
    let section = NodeRef::<Section>::new();
    if platform::IN_BROWSER {
        let language = use_language();
        let build = move || {
            if let Some(el) = section.get_untracked()
                && el.child_element_count() == 1
            {
                leptos::mount::mount_to(el, move || {
                    provide_context(language);
                    view! { <PrintArticles /> }
                })
                .forget();
            }
        };
        if let Ok(timer) = set_timeout_with_handle(build, BUILD_DELAY) {
            on_cleanup(move || timer.clear());
        }
        let before_print = window_event_listener(leptos::ev::beforeprint, move |_| build());
        on_cleanup(move || before_print.remove());
    }
    view! {
        <section class="print-edition" aria-labelledby="print-heading" node_ref=section>
            <h2 id="print-heading">{tr(strings::ALL_GENERATIONS)}</h2>
            {(!platform::IN_BROWSER).then(|| view! { <PrintArticles /> })}
        </section>
    }
}

/// The six articles of the print edition.
#[component]
fn PrintArticles() -> impl IntoView {
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
