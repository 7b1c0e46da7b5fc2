//! The post's two tables, as real tables: the active generation's row highlighted, a row click selecting it.
//!
//! The tables never change but for which row is active: like the print edition they are rendered into the page at
//! build time only, and the app adopts them as they are (the wasm carries no second copy, which a view of them
//! would cost in code for every element of it); it marks the active row and follows clicks on the rows.

use leptos::prelude::*;

/// The post's "다이어그램 설명" table: 세대 / 핵심 개념 / 대표 기술.
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn DiagramTable() -> impl IntoView {
    let table = build::table(
        "diagram-table",
        crate::data::SITE.diagram_caption,
        &crate::data::SITE.diagram_columns,
        |g| {
            vec![
                build::Cell::Text(g.diagram.concept),
                build::Cell::Names(g.diagram.technologies),
            ]
        },
    );
    region("table-wrap diagram-table", "diagram-table-caption", table)
}

/// The post's "세대별 요약 비교" table: 세대 / 인프라 패러다임 / 핵심 기술 / 주요 장점.
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn SummaryTable() -> impl IntoView {
    let table = build::table(
        "summary-table",
        crate::data::SITE.summary_caption,
        &crate::data::SITE.summary_columns,
        |g| {
            vec![
                build::Cell::Text(g.summary.paradigm),
                build::Cell::Names(g.summary.technologies),
                build::Cell::Text(g.summary.benefit),
            ]
        },
    );
    region("table-wrap summary-table", "summary-table-caption", table)
}

/// The region around a table: it scrolls sideways on narrow screens, so it is a named region keyboard users can
/// reach.
#[cfg(not(target_arch = "wasm32"))]
fn region(class: &'static str, caption_id: &'static str, table: impl IntoView) -> impl IntoView {
    view! { <div class=class role="region" tabindex="0" aria-labelledby=caption_id>{table}</div> }
}

/// Marks the active generation's row in both tables; a click on a row (not on one of its links, which lead where
/// they say) selects that generation.
#[cfg(target_arch = "wasm32")]
pub fn adopt() {
    use wasm_bindgen::JsCast;

    use crate::components::{closest, gen_of, is_plain_click, listen, target, with_gen};
    use crate::router::use_router;

    /// The rows of the two tables (the comparison's table is another).
    const ROWS: &str = ".gen-table tbody tr[data-gen]";
    let router = use_router();
    crate::effect(move |_| {
        let active = router.active();
        for (row, id) in with_gen(document().query_selector_all(ROWS).ok()) {
            let _ = row.class_list().toggle_with_force("active", id == active);
        }
    });
    listen("click", move |ev| {
        let Ok(ev) = ev.dyn_into::<web_sys::MouseEvent>() else {
            return;
        };
        let Some(id) = target(&ev)
            .filter(|t| is_plain_click(&ev) && !ev.default_prevented() && closest(t, "a").is_none())
            .and_then(|t| closest(&t, ROWS))
            .and_then(|row| gen_of(&row))
        else {
            return;
        };
        router.navigate(Some(id));
        crate::focus::reveal_detail(true);
    });
}

/// The tables themselves, rendered at build time.
#[cfg(not(target_arch = "wasm32"))]
mod build {
    use leptos::either::Either;
    use leptos::prelude::*;

    use crate::components::tech::tech_chips;
    use crate::data::{GENERATIONS, Generation, Text};
    use crate::language::tr;
    use crate::route::Route;

    /// One cell's content: words in both languages, or technology names as the post lists them.
    #[derive(Clone, Copy)]
    pub enum Cell {
        Text(Text),
        Names(&'static [&'static str]),
    }

    /// A table with one row per generation; the first column names the generation and links to it.
    pub fn table(
        class: &'static str,
        caption: Text,
        columns: &'static [Text],
        cells: fn(&'static Generation) -> Vec<Cell>,
    ) -> impl IntoView {
        let rows = GENERATIONS.iter().map(|g| {
            let cells = cells(g).into_iter().map(|cell| match cell {
                Cell::Text(text) => Either::Left(view! { <td>{tr(text)}</td> }),
                Cell::Names(names) => Either::Right(view! { <td>{tech_chips(names)}</td> }),
            });
            view! {
                <tr data-gen=g.id.get()>
                    <th scope="row">
                        <a href=Route::generation(g.id).to_string()>{tr(g.label)}</a>
                    </th>
                    {cells.collect_view()}
                </tr>
            }
        });
        view! {
            <table class="gen-table">
                <caption id=format!("{class}-caption") tabindex="-1">{tr(caption)}</caption>
                <thead>
                    <tr>
                        {columns.iter().map(|c| view! { <th scope="col">{tr(*c)}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{rows.collect_view()}</tbody>
            </table>
        }
    }
}
