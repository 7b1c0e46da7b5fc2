//! The active generation in full: overview, features, and the post's 항목/내용 table, with buttons to move on.

use leptos::html::Div;
use leptos::prelude::*;

use crate::data::GenerationId;
use crate::language::tr;
use crate::nav::{Command, Direction};
use crate::route::{Route, Selection, View};
use crate::router::use_router;
use crate::strings;

/// The detail of the active generation, hidden while none is. Its content enters from the side the reader
/// moved towards; the article and its buttons stay in place, so keyboard focus on them stays too, and moving
/// rebuilds nothing but the content.
///
/// The content is the print edition's article of that generation, copied: the page holds every generation's
/// content already (rendered at build time), so the wasm carries no second renderer of it (a view of it cost
/// 7 KB of brotli'd wasm, paid at every first load).
#[component]
pub fn Detail() -> impl IntoView {
    let router = use_router();
    let active = router.active;
    let content = NodeRef::<Div>::new();
    crate::effect(move |_| {
        if let (Some(content), Some(id)) = (content.get(), active.get()) {
            copy_article(&content, id);
        }
    });
    // Which generation the content last showed, for the side the next one enters from.
    let shown = StoredValue::new(None::<GenerationId>);
    let edge = move |step: fn(GenerationId) -> Option<GenerationId>| {
        move || active.get().and_then(step).is_none()
    };
    view! {
        <article
            class="detail"
            aria-labelledby="detail-heading"
            data-gen=move || active.get().map(GenerationId::get)
            hidden=move || active.get().is_none()
        >
            {move || {
                let now = active.get();
                // From the overview (nothing shown) the content fades in; between generations it slides.
                let direction = Direction::between(shown.get_value(), now);
                shown.set_value(now);
                now.map(|_| view! { <div class=direction.class() node_ref=content></div> })
            }}
            <span class="visually-hidden" id="detail-nav-label">{tr(strings::DETAIL_NAV)}</span>
            <nav class="detail-nav" aria-labelledby="detail-nav-label">
                <button type="button" class="detail-prev" disabled=edge(GenerationId::prev)
                    on:click=move |_| router.command(Command::Prev)>
                    <span aria-hidden="true">"← "</span>{tr(strings::PREV)}
                </button>
                <button type="button" class="detail-overview" on:click=move |_| router.command(Command::Overview)>
                    {tr(strings::TO_OVERVIEW)}
                </button>
                // To a comparison of this generation and its neighbour, where the others can be picked.
                <a class="detail-compare" href=move || {
                    let id = active.get().unwrap_or(GenerationId::FIRST);
                    Route::to(View::Compare(Selection::starting_at(id))).to_string()
                }>
                    {tr(strings::COMPARE_WITH)}
                </a>
                <button type="button" class="detail-next" disabled=edge(GenerationId::next)
                    on:click=move |_| router.command(Command::Next)>
                    {tr(strings::NEXT)}<span aria-hidden="true">" →"</span>
                </button>
            </nav>
        </article>
    }
}

/// Copies the print edition's article of generation `id` into `content`; its heading becomes the detail's
/// (`#detail-heading`, which names the article and takes focus).
fn copy_article(content: &web_sys::HtmlDivElement, id: GenerationId) {
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
