//! The technology index (`#/tech`): every technology the post names, where, and for which generations; and the
//! technology chips that link to it from the detail, the tables and the comparison.

use leptos::prelude::*;

use crate::data::TechId;
#[cfg(not(target_arch = "wasm32"))]
use crate::language::tr;
#[cfg(not(target_arch = "wasm32"))]
use crate::route::Route;
use crate::route::View;
#[cfg(not(target_arch = "wasm32"))]
use crate::strings;

/// The link to a technology's entry in the index.
#[cfg(not(target_arch = "wasm32"))]
fn href(name: &str) -> String {
    Route::to(View::Tech(TechId::of(name))).to_string()
}

/// Technology names as a list of links to the index.
#[cfg(not(target_arch = "wasm32"))]
pub fn tech_chips(names: &'static [&'static str]) -> impl IntoView + use<> {
    let chips = names
        .iter()
        .map(|&name| view! { <li class="chip"><a href=href(name)>{name}</a></li> });
    view! { <ul class="chips">{chips.collect_view()}</ul> }
}

/// The index, hidden unless the route is `#/tech…`: alphabetically, each technology with the generations and
/// places that name it; then by generation. The technology the link names is marked and brought into view.
///
/// The lists never change: like the print edition they are rendered into the page at build time only, and the
/// app adopts them as they are (the wasm carries no second copy); it only marks the entry in focus.
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn TechIndex() -> impl IntoView {
    view! {
        <section class="tech-index" aria-labelledby="tech-heading" hidden>
            <h2 id="tech-heading" tabindex="-1">{tr(strings::TECH_INDEX)}</h2>
            {lists()}
        </section>
    }
}

/// Shows the index on its route, and marks the technology the route names (`#/tech/docker`).
#[cfg(target_arch = "wasm32")]
pub fn adopt() {
    use crate::components::{find, show};
    use crate::router::use_router;

    let router = use_router();
    let section = find("section.tech-index");
    let marked = std::cell::Cell::new(None::<TechId>);
    crate::effect(move |_| {
        let view = router.view.get();
        show(section.clone(), matches!(view, View::Tech(_)));
        let now = match view {
            View::Tech(tech) => tech,
            _ => None,
        };
        if now == marked.get() {
            return;
        }
        let entry =
            |tech: Option<TechId>| tech.and_then(|t| document().get_element_by_id(&t.anchor()));
        if let Some(old) = entry(marked.replace(now)) {
            let _ = old.class_list().remove_1("focused");
            let _ = old.remove_attribute("aria-current");
        }
        if let Some(new) = entry(now) {
            let _ = new.class_list().add_1("focused");
            let _ = new.set_attribute("aria-current", "true");
            crate::focus::reveal_detail(false);
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn lists() -> impl IntoView {
    use crate::data::{GENERATIONS, TECHNOLOGIES};

    let entries = TECHNOLOGIES.iter().map(|tech| {
        view! {
            <li class="tech-entry" id=TechId::of(tech.name).map(TechId::anchor)>
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
                {tech_chips(names.leak())}
            </li>
        }
    });
    view! {
        <p>{tr(strings::TECH_INTRO)}</p>
        <h3>{tr(strings::ALPHABETICAL)}</h3>
        <ul class="tech-list">{entries.collect_view()}</ul>
        <h3>{tr(strings::BY_GENERATION)}</h3>
        <ul class="tech-by-gen">{by_generation.collect_view()}</ul>
    }
}

/// Where the post names `tech`: one line per generation, with its places.
#[cfg(not(target_arch = "wasm32"))]
fn mentions(tech: &'static crate::data::Technology) -> impl Iterator<Item = impl IntoView> {
    use crate::data::GenerationId;

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
