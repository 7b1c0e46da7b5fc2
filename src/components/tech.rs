//! The technology index (`#/tech`): every technology the post names, where, and for which generations; and the
//! technology chips that link to it from the detail, the tables and the comparison.

use leptos::html::H2;
use leptos::prelude::*;

use crate::data::{GENERATIONS, GenerationId, TECHNOLOGIES, TechId, Technology};
use crate::language::tr;
use crate::route::{Route, View};
use crate::router::use_router;
use crate::strings;

/// The link to a technology's entry in the index.
fn href(name: &str) -> String {
    Route::to(View::Tech(TechId::of(name))).to_string()
}

/// Technology names as a list of links to the index. With `shared_with` (the same row of the other columns of
/// a comparison), a name missing from any of those is marked, by a sign and in words.
pub fn tech_chips(names: &'static [&'static str], shared_with: &[&[&str]]) -> impl IntoView + use<> {
    let chips = names.iter().map(|&name| {
        let differs =
            !shared_with.is_empty() && shared_with.iter().any(|other| !other.contains(&name));
        view! {
            <li class="chip" class:differs=differs>
                <a href=href(name)>{name}</a>
                {differs.then(|| view! {
                    <span class="differs-mark" aria-hidden="true">" ◆"</span>
                    <span class="visually-hidden">" (" {tr(strings::ONLY_HERE)} ")"</span>
                })}
            </li>
        }
    });
    view! { <ul class="chips">{chips.collect_view()}</ul> }
}

/// The index, hidden unless the route is `#/tech…`: alphabetically, each technology with the generations and
/// places that name it; then by generation. The technology the link names is marked and brought into view.
#[component]
pub fn TechIndex(
    /// Takes the heading, for focus that navigation would drop.
    heading: NodeRef<H2>,
) -> impl IntoView {
    let router = use_router();
    let focused = Memo::new(move |_| match router.view.get() {
        View::Tech(tech) => tech,
        _ => None,
    });
    crate::effect(move |_| {
        if let Some(tech) = focused.get()
            && let Some(entry) = document().get_element_by_id(&entry_id(tech.technology()))
        {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            entry.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
    let entries = TECHNOLOGIES.iter().map(|tech| {
        let is_focused = move || focused.get().is_some_and(|f| f.technology().name == tech.name);
        view! {
            <li class="tech-entry" id=entry_id(tech) class:focused=is_focused aria-current=move || is_focused().then_some("true")>
                <a class="tech-name" href=href(tech.name)>{tech.name}</a>
                <ul class="mentions">{mentions(tech).collect_view()}</ul>
            </li>
        }
    });
    let by_generation = GENERATIONS.iter().map(|g| {
        let names: Vec<&'static str> = TECHNOLOGIES
            .iter()
            .filter(|t| t.mentions.iter().any(|m| m.generation == g.id))
            .map(|t| t.name)
            .collect();
        view! {
            <li data-gen=g.id.get()>
                <a href=Route::generation(g.id).to_string()>{tr(g.label)} " " {tr(g.node_title)}</a>
                {tech_chips(names.leak(), &[])}
            </li>
        }
    });
    view! {
        <section class="tech-index" aria-labelledby="tech-heading" hidden=move || !matches!(router.view.get(), View::Tech(_))>
            <h2 id="tech-heading" tabindex="-1" node_ref=heading>{tr(strings::TECH_INDEX)}</h2>
            <p>{tr(strings::TECH_INTRO)}</p>
            <h3>{tr(strings::ALPHABETICAL)}</h3>
            <ul class="tech-list">{entries.collect_view()}</ul>
            <h3>{tr(strings::BY_GENERATION)}</h3>
            <ul class="tech-by-gen">{by_generation.collect_view()}</ul>
        </section>
    }
}

/// The id of a technology's entry: `tech-` and its name with spaces as `-`.
fn entry_id(tech: &Technology) -> String {
    format!("tech-{}", tech.name.replace(' ', "-"))
}

/// Where the post names `tech`: one line per generation, with its places.
fn mentions(tech: &'static Technology) -> impl Iterator<Item = impl IntoView> {
    let mut generations: Vec<GenerationId> = tech.mentions.iter().map(|m| m.generation).collect();
    generations.dedup();
    generations.into_iter().map(move |id| {
        let places = tech
            .mentions
            .iter()
            .filter(move |m| m.generation == id)
            .map(|m| view! { <li>{tr(strings::place(m.place))}</li> });
        view! {
            <li data-gen=id.get()>
                <a href=Route::generation(id).to_string()>{tr(id.generation().label)}</a>
                <ul class="places">{places.collect_view()}</ul>
            </li>
        }
    })
}
