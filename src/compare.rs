//! The comparison of two or three generations, as markup: one column per generation, one row per aspect the post
//! gives them. Plain Rust, tested natively; `components::compare` puts it into the page.
//!
//! Why markup and not a Leptos view: a view of this table (ten rows of cells of four kinds, column headers with
//! controls) compiled to 9–15 KB of brotli'd wasm, because tachys makes code for every element type of a view,
//! and the wasm can't be split (every byte is paid at first load). Written as one string from the typed
//! content by the few functions below, it costs a small fraction of that. Its controls are links
//! (`#/compare/…`), which the app follows like any other.

use crate::data::{Generation, GenerationId, RichText, SITE, Text};
use crate::markup::Markup;
use crate::route::{Route, Selection, View};
use crate::strings;

/// One generation's value of an aspect.
#[derive(Clone, Copy)]
pub enum Value {
    Text(Text),
    Rich(RichText),
    List(&'static [Text]),
    /// Technology names, each a link to the index.
    Names(&'static [&'static str]),
}

/// An aspect the post gives the generations: its name, the table it comes from (if one), and each generation's
/// value (`None` where the post gives none).
pub struct Aspect {
    pub name: Text,
    pub source: Option<Text>,
    pub value: fn(&'static Generation) -> Option<Value>,
}

/// The rows, in the order of the post: its two tables, then each generation's own section.
pub const ASPECTS: [Aspect; 10] = [
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

/// Whether `name`, in one column of an aspect, is missing from any other column compared.
pub fn differs(aspect: &Aspect, selection: Selection, column: GenerationId, name: &str) -> bool {
    selection
        .ids()
        .iter()
        .filter(|&&other| other != column)
        .any(|other| match (aspect.value)(other.generation()) {
            Some(Value::Names(names)) => !names.contains(&name),
            _ => true,
        })
}

/// Which generations are compared, as markup: six checkboxes (value: the generation's number), those that can't
/// change disabled (two must stay, three at most). The app follows their `change` events.
pub fn picker(selection: Selection) -> String {
    let mut m = Markup::new();
    m.raw(r#"<fieldset class="compare-pick"><legend>"#);
    m.both(strings::COMPARE_PICK);
    m.raw("</legend>");
    for id in GenerationId::all() {
        let n = id.to_string();
        m.raw(r#"<label class="pick" data-gen=""#);
        m.raw(&n);
        m.raw(r#""><input type="checkbox" value=""#);
        m.raw(&n);
        m.raw("\"");
        if selection.contains(id) {
            m.raw(" checked");
        }
        if selection.toggled(id).is_none() {
            m.raw(" disabled");
        }
        m.raw(">");
        m.both(id.generation().label);
        m.raw("</label>");
    }
    m.raw("</fieldset>");
    m.finish()
}

/// The comparison table of `selection`, as markup: caption, a header row with each generation (a link to it, and
/// links to move its column left or remove it), then a row per aspect, a cell per generation. A value the post
/// does not give says so; a technology not named for every other generation compared is marked with ◆ and in
/// words.
pub fn table(selection: Selection) -> String {
    let ids = selection.ids();
    let mut m = Markup::new();
    m.raw(r#"<table class="compare-table"><caption id="compare-caption">"#);
    m.both_with(|m, lang| m.text(&strings::view_name(lang, View::Compare(selection))));
    m.raw(r#"</caption><thead><tr><th scope="col">"#);
    m.both(strings::ASPECT);
    m.raw("</th>");
    for (i, &id) in ids.iter().enumerate() {
        let g = id.generation();
        m.raw(r#"<th scope="col" data-gen=""#);
        m.raw(&id.to_string());
        m.raw(r#"">"#);
        m.link("compare-gen", Route::generation(id), |m| {
            m.raw(r#"<span aria-hidden="true">"#);
            m.text(g.emoji);
            m.raw(" </span>");
            m.both(g.label);
            m.raw("<br>");
            m.both(g.node_title);
        });
        m.raw(r#"<span class="compare-tools">"#);
        let tools = [
            (i > 0).then(|| ("compare-left", selection.swapped(i), strings::MOVE_LEFT)),
            selection
                .without(id)
                .map(|rest| ("compare-remove", rest, strings::REMOVE)),
        ];
        for (class, next, words) in tools.into_iter().flatten() {
            m.link(class, Route::to(View::Compare(next)), |m| {
                m.both(words);
                m.raw(r#"<span class="visually-hidden"> "#);
                m.both(g.label);
                m.raw("</span>");
            });
        }
        m.raw("</span></th>");
    }
    m.raw("</tr></thead><tbody>");
    for aspect in &ASPECTS {
        m.raw(r#"<tr><th scope="row">"#);
        m.both(aspect.name);
        if let Some(source) = aspect.source {
            m.raw(r#"<small class="aspect-source">"#);
            m.both(source);
            m.raw("</small>");
        }
        m.raw("</th>");
        for &id in ids {
            let value = (aspect.value)(id.generation());
            m.raw(r#"<td data-gen=""#);
            m.raw(&id.to_string());
            m.raw(if value.is_none() {
                r#"" class="missing">"#
            } else {
                r#"">"#
            });
            match value.unwrap_or(Value::Text(strings::NOT_IN_POST)) {
                Value::Text(text) => m.both(text),
                Value::Rich(text) => m.both_with(|m, lang| m.runs(text.get(lang))),
                Value::List(items) => {
                    m.raw(r#"<ul class="features">"#);
                    for item in items {
                        m.raw("<li>");
                        m.both(*item);
                        m.raw("</li>");
                    }
                    m.raw("</ul>");
                }
                Value::Names(names) => {
                    m.raw(r#"<ul class="chips">"#);
                    for name in names {
                        let differs = differs(aspect, selection, id, name);
                        m.raw(if differs {
                            r#"<li class="chip differs">"#
                        } else {
                            r#"<li class="chip">"#
                        });
                        let tech = crate::data::TechId::of(name);
                        m.link("", Route::to(View::Tech(tech)), |m| m.text(name));
                        if differs {
                            m.raw(r#"<span class="differs-mark" aria-hidden="true"> ◆</span><span class="visually-hidden"> ("#);
                            m.both(strings::ONLY_HERE);
                            m.raw(")</span>");
                        }
                        m.raw("</li>");
                    }
                    m.raw("</ul>");
                }
            }
            m.raw("</td>");
        }
        m.raw("</tr>");
    }
    m.raw("</tbody></table>");
    m.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn selection(ns: &[u8]) -> Selection {
        let ids: Vec<GenerationId> = ns.iter().filter_map(|&n| GenerationId::new(n)).collect();
        Selection::new(&ids).expect("a valid selection")
    }

    /// The cells of the table's body, as (row header, cells) pairs of raw markup.
    fn rows(html: &str) -> Vec<Vec<String>> {
        let body = html.split("<tbody>").nth(1).expect("a body");
        body.split("<tr>")
            .skip(1)
            .map(|row| {
                row.split("<td ")
                    .skip(1)
                    .map(|cell| cell.split("</td>").next().unwrap_or_default().to_owned())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn one_column_per_generation_in_order_and_one_row_per_aspect() {
        let html = table(selection(&[4, 2]));
        let four = html
            .find(r#"<th scope="col" data-gen="4">"#)
            .expect("column 4");
        let two = html
            .find(r#"<th scope="col" data-gen="2">"#)
            .expect("column 2");
        assert!(four < two, "the order of the link");
        let rows = rows(&html);
        assert_eq!(rows.len(), ASPECTS.len());
        for row in &rows {
            assert_eq!(row.len(), 2);
            assert!(row[0].starts_with(r#"data-gen="4""#), "{}", row[0]);
        }
        assert_eq!(html.matches(r#"<th scope="row">"#).count(), ASPECTS.len());
    }

    #[test]
    fn every_value_of_the_post_is_there_and_missing_ones_say_so() {
        let html = table(selection(&[1, 5, 6]));
        let escaped = |s: &str| s.replace('&', "&amp;").replace('"', "&quot;");
        for n in [1, 5, 6] {
            let g = GenerationId::new(n).expect("1 to 6").generation();
            for text in [
                g.diagram.concept,
                g.summary.paradigm,
                g.summary.benefit,
                g.pros,
            ] {
                assert!(html.contains(&escaped(text.ko)), "{}", text.ko);
                assert!(html.contains(&escaped(text.en)), "{}", text.en);
            }
            for f in g.features {
                assert!(html.contains(&escaped(f.en)), "{}", f.en);
            }
            for t in g.technologies.iter().chain(g.summary.technologies) {
                assert!(html.contains(&format!(">{}</a>", escaped(t))), "{t}");
            }
        }
        // Only generation 1 has a 단점 row; it is the only one without a 대표 기술 row.
        let rows = rows(&html);
        let cons = &rows[8];
        assert!(
            !cons[0].contains("missing")
                && cons[1].contains("missing")
                && cons[2].contains("missing")
        );
        assert!(
            cons[1].contains(strings::NOT_IN_POST.ko) && cons[1].contains(strings::NOT_IN_POST.en)
        );
        let tech = &rows[9];
        assert!(tech[0].contains("missing") && !tech[1].contains("missing"));
        assert!(!html.contains("<td></td>") && !html.contains(r#""></td>"#));
    }

    #[test]
    fn technologies_not_named_for_every_other_generation_are_marked() {
        // 2 and 3 share no technology: every chip of their technology rows differs.
        let html = table(selection(&[2, 3]));
        assert!(html.contains(r##"<li class="chip differs"><a href="#/tech/VMware">VMware</a>"##));
        assert!(!html.contains(r#"<li class="chip">"#));
        assert_eq!(
            html.matches("differs-mark").count(),
            html.matches("chip differs").count()
        );
        let two = GenerationId::new(2).expect("2");
        assert!(differs(&ASPECTS[1], selection(&[2, 3]), two, "KVM"));
    }

    #[test]
    fn controls_lead_to_the_changed_comparisons() {
        let html = table(selection(&[1, 2, 3]));
        assert!(html.contains(r##"class="compare-left" href="#/compare/2,1,3""##));
        assert!(html.contains(r##"class="compare-left" href="#/compare/1,3,2""##));
        assert!(html.contains(r##"class="compare-remove" href="#/compare/2,3""##));
        assert_eq!(html.matches("compare-left").count(), 2);
        assert_eq!(html.matches("compare-remove").count(), 3);
        // Two columns: no removing.
        assert!(!table(selection(&[1, 2])).contains("compare-remove"));
    }

    #[test]
    fn the_picker_checks_the_compared_and_keeps_two_to_three() {
        let html = picker(selection(&[2, 4]));
        assert_eq!(html.matches(r#"type="checkbox""#).count(), 6);
        assert!(html.contains(r#"value="2" checked disabled>"#));
        assert!(html.contains(r#"value="4" checked disabled>"#));
        assert!(html.contains(r#"value="1">"#));
        let html = picker(selection(&[2, 4, 6]));
        assert!(html.contains(r#"value="2" checked>"#));
        assert!(html.contains(r#"value="1" disabled>"#));
    }
}
