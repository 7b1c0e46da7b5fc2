//! The active generation in full: overview, features, and the post's 항목/내용 table.

use leptos::prelude::*;

use gloo_timers::callback::Timeout;

use crate::components::focus_after_render;
use crate::data::{Generation, GenerationId, Run, SITE, Text};
use crate::nav::Command;
use crate::state::{IN_BROWSER, use_app_state};
use crate::ui;

/// The detail of the active generation. It enters from the side the reader moved towards.
#[component]
pub fn Detail(id: GenerationId) -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let tr = move |text: Text| move || text.get(lang.get());
    let direction = state.direction.get_untracked();
    // The buttons are rebuilt with the next generation's detail: keep the keyboard user's place.
    let go = move |command, focus| {
        state.command(command);
        focus_after_render(focus);
    };
    view! {
        <article
            class=format!("detail {}", direction.class())
            aria-labelledby="detail-heading"
            data-gen=id.get()
        >
            <GenerationContent id=id heading_id="detail-heading".to_owned() />
            <nav class="detail-nav" aria-label=tr(ui::DETAIL_NAV)>
                <button type="button" class="detail-prev" disabled=id.prev().is_none()
                    on:click=move |_| go(Command::Prev, &[".detail .detail-prev", "#detail-heading"])>
                    <span aria-hidden="true">"← "</span>{tr(ui::PREV)}
                </button>
                <button type="button" class="detail-overview"
                    on:click=move |_| go(Command::Overview, &["#overview-heading"])>
                    {tr(ui::TO_OVERVIEW)}
                </button>
                <button type="button" class="detail-next" disabled=id.next().is_none()
                    on:click=move |_| go(Command::Next, &[".detail .detail-next", "#detail-heading"])>
                    {tr(ui::NEXT)}<span aria-hidden="true">" →"</span>
                </button>
            </nav>
        </article>
    }
}

/// Every generation in full, one after another: what printing gives, and what a reader without the app
/// reads (hidden while the app runs). Each article's id is its route (`/gen/3`), so the timeline's
/// `#/gen/3` links lead to it when there is no app to follow them.
///
/// The prerendered page has the articles from the start. In the browser they are mounted into the section
/// a moment after start-up (or at once when printing begins), so they don't lengthen the start-up task; a
/// separate mount keeps the app's own view code free of a second, reactive copy of them.
#[component]
pub fn PrintEdition() -> impl IntoView {
    let lang = use_app_state().lang;
    let section = NodeRef::<leptos::html::Section>::new();
    if IN_BROWSER {
        let state = use_app_state();
        let mount = move || {
            if let Some(el) = section.get_untracked()
                && el.child_element_count() == 1
            {
                leptos::mount::mount_to(el, move || {
                    provide_context(state);
                    view! { <PrintArticles /> }
                })
                .forget();
            }
        };
        Timeout::new(PRINT_EDITION_DELAY_MS, mount).forget();
        let before_print = window_event_listener(leptos::ev::beforeprint, move |_| mount());
        on_cleanup(move || before_print.remove());
    }
    view! {
        <section class="print-edition" aria-labelledby="print-heading" node_ref=section>
            <h2 id="print-heading">{move || ui::ALL_GENERATIONS.get(lang.get())}</h2>
            {(!IN_BROWSER).then(|| view! { <PrintArticles /> })}
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

/// How long after start-up the print edition is built in the browser.
const PRINT_EDITION_DELAY_MS: u32 = 300;

/// What the post says of one generation: heading, 개요, 특징, and the 항목/내용 table.
#[component]
fn GenerationContent(id: GenerationId, heading_id: String) -> impl IntoView {
    let lang = use_app_state().lang;
    let g: &'static Generation = id.generation();
    let tr = move |text: Text| move || text.get(lang.get());
    view! {
        <header class="detail-header">
            <span class="detail-emoji" aria-hidden="true">{g.emoji}</span>
            <div>
                <p class="detail-label">{tr(g.label)}</p>
                <h2 id=heading_id class="detail-heading" tabindex="-1">
                    {tr(g.heading)}
                    " "
                    <span class="detail-english" lang="en">"(" {g.english_name} ")"</span>
                </h2>
            </div>
        </header>
        <section class="detail-section">
            <h3>{tr(SITE.overview)}</h3>
            <p>{move || rich(g.overview.get(lang.get()))}</p>
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
                <tr>
                    <th scope="row">{tr(SITE.pros)}</th>
                    <td>{tr(g.pros)}</td>
                </tr>
                {g.cons.map(|cons| view! {
                    <tr>
                        <th scope="row">{tr(SITE.cons)}</th>
                        <td>{tr(cons)}</td>
                    </tr>
                })}
                {(!g.technologies.is_empty()).then(|| view! {
                    <tr>
                        <th scope="row">{tr(SITE.technologies)}</th>
                        <td>
                            <ul class="chips">
                                {g.technologies.iter().map(|t| view! { <li class="chip">{*t}</li> }).collect_view()}
                            </ul>
                        </td>
                    </tr>
                })}
            </tbody>
        </table>
    }
}

/// Renders runs of text, emphasised ones as `<strong>`.
fn rich(runs: &'static [Run]) -> impl IntoView {
    runs.iter()
        .map(|run| {
            if run.strong {
                view! { <strong>{run.text}</strong> }.into_any()
            } else {
                run.text.into_any()
            }
        })
        .collect_view()
}
