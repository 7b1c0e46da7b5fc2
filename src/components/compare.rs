//! Two or three generations side by side: one column per generation, one row per aspect the post gives them.

use leptos::either::EitherOf4;
use leptos::html::H2;
use leptos::prelude::*;

use crate::components::detail::rich;
use crate::components::tech::tech_chips;
use crate::data::{Generation, GenerationId, RichText, SITE, Text};
use crate::language::{tr, tr_with};
use crate::route::{Selection, View};
use crate::router::use_router;
use crate::strings;

/// One cell of the comparison.
#[derive(Clone, Copy)]
enum Value {
    Text(Text),
    Rich(RichText),
    List(&'static [Text]),
    /// Technology names; the others compared are told apart by [`tech_chips`].
    Names(&'static [&'static str]),
}

/// An aspect the post gives every generation: its name, the table it comes from (if one), and each
/// generation's value (`None` where the post has none).
struct Aspect {
    name: Text,
    source: Option<Text>,
    value: fn(&'static Generation) -> Option<Value>,
}

/// The rows, in the order of the post: its two tables first, then each generation's own section.
const ASPECTS: [Aspect; 10] = [
    Aspect {
        name: SITE.diagram_columns[1],
        source: Some(SITE.diagram_caption),
        value: |g| Some(Value::Text(g.diagram.concept)),
    },
    Aspect {
        name: SITE.diagram_columns[2],
        source: Some(SITE.diagram_caption),
        value: |g| Some(Value::Names(g.diagram.technologies)),
    },
    Aspect {
        name: SITE.summary_columns[1],
        source: Some(SITE.summary_caption),
        value: |g| Some(Value::Text(g.summary.paradigm)),
    },
    Aspect {
        name: SITE.summary_columns[2],
        source: Some(SITE.summary_caption),
        value: |g| Some(Value::Names(g.summary.technologies)),
    },
    Aspect {
        name: SITE.summary_columns[3],
        source: Some(SITE.summary_caption),
        value: |g| Some(Value::Text(g.summary.benefit)),
    },
    Aspect {
        name: SITE.overview,
        source: None,
        value: |g| Some(Value::Rich(g.overview)),
    },
    Aspect {
        name: SITE.features,
        source: None,
        value: |g| Some(Value::List(g.features)),
    },
    Aspect {
        name: SITE.pros,
        source: None,
        value: |g| Some(Value::Text(g.pros)),
    },
    Aspect {
        name: SITE.cons,
        source: None,
        value: |g| g.cons.map(Value::Text),
    },
    Aspect {
        name: SITE.technologies,
        source: None,
        value: |g| (!g.technologies.is_empty()).then_some(Value::Names(g.technologies)),
    },
];

/// The comparison view, hidden unless the route is `#/compare/…`: which generations (checkboxes), and the table.
#[component]
pub fn Compare(
    /// Takes the heading, for focus that navigation would drop.
    heading: NodeRef<H2>,
) -> impl IntoView {
    let router = use_router();
    let selection = Memo::new(move |_| router.view.get().compare());
    view! {
        <section class="compare" aria-labelledby="compare-heading" hidden=move || selection.get().is_none()>
            <h2 id="compare-heading" tabindex="-1" node_ref=heading>{tr(strings::COMPARE)}</h2>
            <Picker selection=selection />
            {move || selection.get().map(|s| view! { <CompareTable selection=s /> })}
        </section>
    }
}

/// Six checkboxes: which generations are compared (two or three).
#[component]
fn Picker(selection: Memo<Option<Selection>>) -> impl IntoView {
    let router = use_router();
    let boxes = GenerationId::all().map(|id| {
        let checked = move || selection.get().is_some_and(|s| s.contains(id));
        // The change this box would make: `None` when it can't (the last two can't go, a fourth can't come).
        let change = move || {
            selection
                .get()
                .and_then(|s| if s.contains(id) { s.without(id) } else { s.with(id) })
        };
        let on_change = move |_| {
            if let Some(next) = change() {
                router.go(View::Compare(next));
            }
        };
        view! {
            <label class="pick" data-gen=id.get()>
                <input type="checkbox" prop:checked=checked disabled=move || change().is_none() on:change=on_change />
                {tr(id.generation().label)}
            </label>
        }
    });
    view! {
        <fieldset class="compare-pick">
            <legend>{tr(strings::COMPARE_PICK)}</legend>
            {boxes.collect_view()}
        </fieldset>
    }
}

/// The comparison as a table: a column per generation (with buttons to move it left or remove it), a row per
/// aspect.
#[component]
fn CompareTable(selection: Selection) -> impl IntoView {
    let router = use_router();
    let ids = selection.ids();
    let generations: Vec<&'static Generation> = ids.iter().map(|id| id.generation()).collect();
    let columns = ids.iter().enumerate().map(|(i, &id)| {
        let g = id.generation();
        let swap = move |_| router.go(View::Compare(selection.swapped(i)));
        let remove = selection.without(id).map(|rest| {
            view! {
                <button type="button" class="compare-remove" on:click=move |_| router.go(View::Compare(rest))>
                    {tr(strings::REMOVE)}
                    <span class="visually-hidden">" " {tr(g.label)}</span>
                </button>
            }
        });
        view! {
            <th scope="col" data-gen=id.get()>
                <a class="compare-gen" href=crate::route::Route::generation(id).to_string()>
                    <span aria-hidden="true">{g.emoji} " "</span>
                    {tr(g.label)} <br /> {tr(g.node_title)}
                </a>
                <span class="compare-tools">
                    {(i > 0).then(|| view! {
                        <button type="button" class="compare-left" on:click=swap>
                            <span aria-hidden="true">"← "</span>{tr(strings::MOVE_LEFT)}
                            <span class="visually-hidden">" " {tr(g.label)}</span>
                        </button>
                    })}
                    {remove}
                </span>
            </th>
        }
    });
    let rows = ASPECTS.iter().map(|aspect| {
        let values: Vec<Option<Value>> = generations.iter().map(|g| (aspect.value)(g)).collect();
        let cells = values.iter().enumerate().map(|(i, value)| {
            // For technology names: those named in every other column, to tell the differing ones apart.
            let others: Vec<&'static [&'static str]> = values
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, v)| match v {
                    Some(Value::Names(names)) => *names,
                    _ => &[][..],
                })
                .collect();
            let content = match value.unwrap_or(Value::Text(strings::NOT_IN_POST)) {
                Value::Text(text) => EitherOf4::A(tr(text)),
                Value::Rich(text) => EitherOf4::B(view! {
                    <span class="ko" lang="ko">{rich(text.ko)}</span>
                    <span class="en" lang="en">{rich(text.en)}</span>
                }),
                Value::List(items) => EitherOf4::C(view! {
                    <ul class="features">{items.iter().map(|f| view! { <li>{tr(*f)}</li> }).collect_view()}</ul>
                }),
                Value::Names(names) => EitherOf4::D(view! {
                    {tech_chips(names, &others)}
                }),
            };
            view! { <td data-gen=ids[i].get() class:missing=value.is_none()>{content}</td> }
        });
        view! {
            <tr>
                <th scope="row">
                    {tr(aspect.name)}
                    {aspect.source.map(|source| view! { <small class="aspect-source">{tr(source)}</small> })}
                </th>
                {cells.collect_view()}
            </tr>
        }
    });
    view! {
        <div class="table-wrap compare-wrap" role="region" tabindex="0" aria-labelledby="compare-caption">
            <table class="compare-table">
                <caption id="compare-caption">
                    {tr_with(&|lang| strings::view_name(lang, View::Compare(selection)))}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(strings::ASPECT)}</th>
                        {columns.collect_view()}
                    </tr>
                </thead>
                <tbody>{rows.collect_view()}</tbody>
            </table>
        </div>
        <p class="compare-key">{tr(strings::ONLY_HERE_KEY)}</p>
    }
}

/// "Compare with": links to a comparison of `id` with each other generation.
#[component]
pub fn CompareWith(id: GenerationId) -> impl IntoView {
    let links = GenerationId::all()
        .filter(|&other| other != id)
        .filter_map(move |other| {
            let selection = Selection::new(&[id, other])?;
            Some(view! {
                <li>
                    <a href=crate::route::Route::to(View::Compare(selection)).to_string()>
                        {tr(other.generation().label)}
                    </a>
                </li>
            })
        });
    view! {
        <nav class="compare-with" aria-labelledby="compare-with-label">
            <span id="compare-with-label">{tr(strings::COMPARE_WITH)}</span>
            <ul>{links.collect_view()}</ul>
        </nav>
    }
}
