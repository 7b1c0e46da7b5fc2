//! The post's two tables, as real tables: the active generation's row highlighted, a row click selecting it.

use leptos::either::Either;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::is_plain_click;
use crate::components::tech::tech_chips;
use crate::data::{GENERATIONS, Generation, SITE, Text};
use crate::language::tr;
use crate::route::Route;
use crate::router::use_router;

/// One cell's content: words in both languages, or technology names as the post lists them.
#[derive(Clone, Copy)]
enum Cell {
    Text(Text),
    Names(&'static [&'static str]),
}

/// The post's "다이어그램 설명" table: 세대 / 핵심 개념 / 대표 기술.
#[component]
pub fn DiagramTable() -> impl IntoView {
    view! {
        <GenerationTable
            class="diagram-table"
            caption=SITE.diagram_caption
            columns=&SITE.diagram_columns
            cells=|g| vec![Cell::Text(g.diagram.concept), Cell::Names(g.diagram.technologies)]
        />
    }
}

/// The post's "세대별 요약 비교" table: 세대 / 인프라 패러다임 / 핵심 기술 / 주요 장점.
#[component]
pub fn SummaryTable() -> impl IntoView {
    view! {
        <GenerationTable
            class="summary-table"
            caption=SITE.summary_caption
            columns=&SITE.summary_columns
            cells=|g| {
                vec![
                    Cell::Text(g.summary.paradigm),
                    Cell::Names(g.summary.technologies),
                    Cell::Text(g.summary.benefit),
                ]
            }
        />
    }
}

/// A table with one row per generation; the first column names the generation and links to it.
#[component]
fn GenerationTable(
    class: &'static str,
    caption: Text,
    /// Column headings, the generation column first.
    columns: &'static [Text],
    /// The cells after the generation column, for one generation.
    cells: fn(&'static Generation) -> Vec<Cell>,
) -> impl IntoView {
    let router = use_router();
    let rows = GENERATIONS.iter().map(|g| {
        let id = g.id;
        let select = move |ev: leptos::ev::MouseEvent| {
            // A technology's link in the row leads to the index, not to the row's generation.
            let on_chip = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.closest(".chips").ok().flatten().is_some());
            if is_plain_click(&ev) && !ev.default_prevented() && !on_chip {
                ev.prevent_default();
                router.navigate(Some(id));
                crate::focus::reveal_detail(true);
            }
        };
        let cells = cells(g).into_iter().map(|cell| match cell {
            Cell::Text(text) => Either::Left(view! { <td>{tr(text)}</td> }),
            Cell::Names(names) => Either::Right(view! { <td>{tech_chips(names)}</td> }),
        });
        view! {
            <tr
                class:active=move || router.active.get() == Some(id)
                data-gen=id.get()
                on:click=select
            >
                <th scope="row">
                    <a href=Route::generation(id).to_string() on:click=select>
                        {tr(g.label)}
                    </a>
                </th>
                {cells.collect_view()}
            </tr>
        }
    });
    view! {
        // The wrapper scrolls sideways on narrow screens, so it is a named region keyboard users can reach.
        <div
            class=format!("table-wrap {class}")
            role="region"
            tabindex="0"
            aria-labelledby=format!("{class}-caption")
        >
            <table class="gen-table">
                <caption id=format!("{class}-caption")>{tr(caption)}</caption>
                <thead>
                    <tr>
                        {columns.iter().map(|c| view! { <th scope="col">{tr(*c)}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{rows.collect_view()}</tbody>
            </table>
        </div>
    }
}
