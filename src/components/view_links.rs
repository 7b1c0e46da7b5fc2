//! The ways to the views besides the timeline: a comparison and the technology index.

use leptos::prelude::*;

use crate::data::GenerationId;
use crate::route::{Route, Selection, View};
use crate::router::{Router, use_router};

/// Where the comparison link leads: the comparison shown, else one of the active generation and its neighbour
/// (of 1 and 2 on the overview).
fn compare_href(router: Router) -> String {
    let selection =
        router.view.get().compare().unwrap_or_else(|| {
            Selection::starting_at(router.active().unwrap_or(GenerationId::FIRST))
        });
    Route::to(View::Compare(selection)).to_string()
}

/// The ways to the other views: a comparison and the technology index.
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn ViewLinks() -> impl IntoView {
    use crate::language::tr;
    use crate::strings;

    let router = use_router();
    view! {
        <nav class="view-links" aria-label=strings::VIEWS.ko>
            <a class="to-compare" href=compare_href(router)>{tr(strings::COMPARE)}</a>
            <a class="to-tech" href=Route::to(View::Tech(None)).to_string()>{tr(strings::TECH_INDEX)}</a>
        </nav>
    }
}

/// Keeps the comparison link's target and the list's name in the reader's language, and marks the link of the
/// view shown (`aria-current`).
#[cfg(target_arch = "wasm32")]
pub fn adopt() {
    use crate::components::find;
    use crate::language::use_lang;

    let router = use_router();
    let lang = use_lang();
    let nav = find(".view-links");
    crate::effect(move |_| {
        if let Some(nav) = &nav {
            let _ = nav.set_attribute("aria-label", crate::strings::VIEWS.get(lang.get()));
        }
    });
    let (compare, tech) = (
        find(".view-links .to-compare"),
        find(".view-links .to-tech"),
    );
    crate::effect(move |_| {
        let view = router.view.get();
        for (link, current) in [
            (&compare, view.compare().is_some()),
            (&tech, matches!(view, View::Tech(_))),
        ] {
            if let Some(link) = link {
                let _ = if current {
                    link.set_attribute("aria-current", "page")
                } else {
                    link.remove_attribute("aria-current")
                };
            }
        }
        if let Some(link) = &compare {
            let _ = link.set_attribute("href", &compare_href(router));
        }
    });
}
