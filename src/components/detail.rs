//! The active generation in full: overview, features, and the post's 항목/내용 table, with buttons to move on.

use leptos::prelude::*;

#[cfg(not(target_arch = "wasm32"))]
use crate::data::GenerationId;
#[cfg(not(target_arch = "wasm32"))]
use crate::language::tr;

/// The detail of the active generation, hidden while none is. Its content enters from the side the reader
/// moved towards; the article and its buttons stay in place, so keyboard focus on them stays too, and moving
/// rebuilds nothing but the content.
///
/// The content is the print edition's article of that generation, copied: the page holds every generation's
/// content already (rendered at build time), so the wasm carries no second renderer of it (a view of it cost
/// 7 KB of brotli'd wasm, paid at every first load). The article and its buttons are rendered at build time too
/// ([`build`]): the app keeps their state (hidden, which generation, the buttons at the ends, the comparison
/// link; `adopt`) and `crate::actions` follows the buttons (`data-action`).
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn Detail() -> impl IntoView {
    view! {
        <article class="detail" aria-labelledby="detail-heading" hidden>
            {build::content()}
        </article>
    }
}

/// Shows the active generation's content in the detail, and keeps its buttons.
#[cfg(target_arch = "wasm32")]
pub fn adopt() {
    use crate::data::GenerationId;
    use crate::nav::Direction;
    use crate::route::{Route, Selection, View};
    use crate::router::use_router;

    let router = use_router();
    let Some(article) = crate::components::find("article.detail") else {
        return;
    };
    // Which generation the content last showed, for the side the next one enters from.
    let shown = std::cell::Cell::new(None::<GenerationId>);
    crate::effect(move |_| {
        let view = router.view.get();
        let now = view.generation();
        let _ = match now {
            Some(id) => article.set_attribute("data-gen", &id.get().to_string()),
            None => article.set_attribute("hidden", ""),
        };
        let Some(id) = now else { return };
        let _ = article.remove_attribute("hidden");
        // From the overview (nothing shown) the content fades in; between generations it slides: a new element,
        // so that its entrance plays again.
        let direction = Direction::between(shown.replace(now), now);
        let doc = document();
        if let (Ok(content), Some(old)) = (doc.create_element("div"), article.first_element_child())
        {
            content.set_class_name(direction.class());
            copy_article(&content, id);
            let _ = old.replace_with_with_node_1(&content);
        }
        // At an end, its button is disabled (in the presentation "next" leads on to the summary).
        let presenting = view.slide().is_some();
        for (selector, end) in [
            (".detail-prev", id.prev().is_none()),
            (".detail-next", id.next().is_none() && !presenting),
        ] {
            if let Ok(Some(button)) = article.query_selector(selector) {
                let _ = button.toggle_attribute_with_force("disabled", end);
            }
        }
        // To a comparison of this generation and its neighbour, where the others can be picked.
        if let Ok(Some(link)) = article.query_selector(".detail-compare") {
            let href = Route::to(View::Compare(Selection::starting_at(id))).to_string();
            let _ = link.set_attribute("href", &href);
        }
    });
}

/// The detail's frame as the page starts (hidden: the overview is shown): the content's place and the buttons.
#[cfg(not(target_arch = "wasm32"))]
mod build {
    use leptos::prelude::*;

    use crate::language::tr;
    use crate::strings;

    pub fn content() -> impl IntoView {
        view! {
            <div class="enter-fade"></div>
            <span class="visually-hidden" id="detail-nav-label">{tr(strings::DETAIL_NAV)}</span>
            <nav class="detail-nav" aria-labelledby="detail-nav-label">
                <button type="button" class="detail-prev" data-action="prev">
                    <span aria-hidden="true">"← "</span>{tr(strings::PREV)}
                </button>
                <button type="button" class="detail-overview" data-action="overview">
                    {tr(strings::TO_OVERVIEW)}
                </button>
                <a class="detail-compare" href="#/compare/1,2">{tr(strings::COMPARE_WITH)}</a>
                <button type="button" class="detail-next" data-action="next">
                    {tr(strings::NEXT)}<span aria-hidden="true">" →"</span>
                </button>
            </nav>
        }
    }
}

#[cfg(target_arch = "wasm32")]
/// Copies the print edition's article of generation `id` into `content`; its heading becomes the detail's
/// (`#detail-heading`, which names the article and takes focus).
fn copy_article(content: &web_sys::Element, id: crate::data::GenerationId) {
    let doc = document();
    let Some(article) = doc
        .query_selector(&format!(".print-generation[data-gen='{id}']"))
        .ok()
        .flatten()
    else {
        return;
    };
    let Ok(copy) = article.clone_node_with_deep(true) else {
        return;
    };
    // The content's element stays from one generation to the next (only its class changes): empty it first.
    content.set_text_content(None);
    while let Some(child) = copy.first_child() {
        let _ = content.append_child(&child);
    }
    if let Some(heading) = content.query_selector("h2").ok().flatten() {
        heading.set_id("detail-heading");
    }
}

/// What the post says of one generation: heading, 개요, 특징, and the 항목/내용 table. Rendered at build time,
/// into the print edition (`crate::print`); the detail copies it from there.
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn GenerationContent(
    id: GenerationId,
    /// The heading's `id`, unique in the page.
    #[prop(into)]
    heading_id: String,
) -> impl IntoView {
    use crate::components::tech::tech_chips;
    use crate::data::{Generation, SITE};

    let g: &'static Generation = id.generation();
    view! {
        <header class="detail-header">
            <span class="detail-emoji" aria-hidden="true">{g.emoji}</span>
            <div>
                <p class="detail-label">{tr(g.label)}</p>
                <h2 id=heading_id class="detail-heading" tabindex="-1">
                    {tr(g.heading)}
                    // The post's own English gloss, part of its Korean heading; in English it would repeat.
                    <span class="ko" lang="ko">
                        " " <span class="detail-english" lang="en">"(" {g.english_name} ")"</span>
                    </span>
                </h2>
            </div>
        </header>
        <section class="detail-section">
            <h3>{tr(SITE.overview)}</h3>
            <p>
                <span class="ko" lang="ko">{rich(g.overview.ko)}</span>
                <span class="en" lang="en">{rich(g.overview.en)}</span>
            </p>
        </section>
        <section class="detail-section">
            <h3>{tr(SITE.features)}</h3>
            <ul class="features">
                {g.features.iter().map(|f| view! { <li>{tr(*f)}</li> }).collect_view()}
            </ul>
        </section>
        <table class="items">
            <caption class="visually-hidden">{tr(g.label)} " " {tr(SITE.item_columns[0])}</caption>
            <thead>
                <tr>
                    <th scope="col">{tr(SITE.item_columns[0])}</th>
                    <th scope="col">{tr(SITE.item_columns[1])}</th>
                </tr>
            </thead>
            <tbody>
                <tr data-row="pros">
                    <th scope="row">{tr(SITE.pros)}</th>
                    <td>{tr(g.pros)}</td>
                </tr>
                {g.cons.map(|cons| view! {
                    <tr data-row="cons">
                        <th scope="row">{tr(SITE.cons)}</th>
                        <td>{tr(cons)}</td>
                    </tr>
                })}
                {(!g.technologies.is_empty()).then(|| view! {
                    <tr data-row="tech">
                        <th scope="row">{tr(SITE.technologies)}</th>
                        <td>
                            {tech_chips(g.technologies)}
                        </td>
                    </tr>
                })}
            </tbody>
        </table>
    }
}

/// Renders runs of text, emphasised ones as `<strong>`.
#[cfg(not(target_arch = "wasm32"))]
fn rich(runs: &'static [crate::data::Run]) -> impl IntoView {
    use leptos::either::Either;

    runs.iter()
        .map(|run| {
            if run.strong {
                Either::Left(view! { <strong>{run.text}</strong> })
            } else {
                Either::Right(run.text)
            }
        })
        .collect_view()
}
