//! Every text of the compiled-in content, named by its field: shared by `content_fidelity.rs` and `glossary.rs`.
//!
//! The helpers destructure each struct without `..`, so a field added to `src/data.rs` does not compile here until
//! it is listed, and cannot skip the checks.
// Each test crate that includes this module uses part of it.
#![allow(dead_code)]

use web_infra_evolution::data::{
    DiagramRow, GENERATIONS, Generation, RichText, Run, SITE, Site, SummaryRow, Text,
};

/// Every plain text of a generation, named by its field.
pub fn generation_texts(g: &'static Generation) -> Vec<(String, Text)> {
    let Generation {
        id: _,
        emoji: _,
        label,
        node_title,
        node_subtitle,
        fill: _,
        stroke: _,
        heading,
        english_name: _,
        overview: _,
        features,
        pros,
        cons,
        technologies: _,
        diagram: DiagramRow {
            concept,
            technologies: _,
        },
        summary:
            SummaryRow {
                paradigm,
                technologies: _,
                benefit,
            },
    } = g;
    let mut texts = vec![
        ("label".to_owned(), *label),
        ("node_title".to_owned(), *node_title),
        ("node_subtitle".to_owned(), *node_subtitle),
        ("heading".to_owned(), *heading),
        ("pros".to_owned(), *pros),
        ("diagram.concept".to_owned(), *concept),
        ("summary.paradigm".to_owned(), *paradigm),
        ("summary.benefit".to_owned(), *benefit),
    ];
    texts.extend(
        features
            .iter()
            .enumerate()
            .map(|(i, f)| (format!("features[{i}]"), *f)),
    );
    texts.extend(cons.iter().map(|c| ("cons".to_owned(), *c)));
    texts
}

/// Every rich text of a generation.
pub fn generation_rich_texts(g: &'static Generation) -> Vec<(String, RichText)> {
    vec![("overview".to_owned(), g.overview)]
}

/// Every name (the same in both languages) of a generation.
pub fn generation_names(g: &'static Generation) -> Vec<(String, &'static str)> {
    let mut names = vec![
        ("emoji".to_owned(), g.emoji),
        ("fill".to_owned(), g.fill),
        ("stroke".to_owned(), g.stroke),
        ("english_name".to_owned(), g.english_name),
    ];
    for (field, list) in [
        ("technologies", g.technologies),
        ("diagram.technologies", g.diagram.technologies),
        ("summary.technologies", g.summary.technologies),
    ] {
        names.extend(
            list.iter()
                .enumerate()
                .map(|(i, t)| (format!("{field}[{i}]"), *t)),
        );
    }
    names
}

/// Every text of the site, named by its field.
pub fn site_texts(s: &'static Site) -> Vec<(String, Text)> {
    let Site {
        title,
        heading,
        date: _,
        rows,
        diagram_caption,
        diagram_columns,
        summary_caption,
        summary_columns,
        overview,
        features,
        item_columns,
        pros,
        cons,
        technologies,
    } = s;
    let mut texts = vec![
        ("title".to_owned(), *title),
        ("heading".to_owned(), *heading),
        ("diagram_caption".to_owned(), *diagram_caption),
        ("summary_caption".to_owned(), *summary_caption),
        ("overview".to_owned(), *overview),
        ("features".to_owned(), *features),
        ("pros".to_owned(), *pros),
        ("cons".to_owned(), *cons),
        ("technologies".to_owned(), *technologies),
    ];
    for (field, list) in [
        ("rows", &rows[..]),
        ("diagram_columns", &diagram_columns[..]),
        ("summary_columns", &summary_columns[..]),
        ("item_columns", &item_columns[..]),
    ] {
        texts.extend(
            list.iter()
                .enumerate()
                .map(|(i, t)| (format!("{field}[{i}]"), *t)),
        );
    }
    texts
}

pub fn is_hangul(c: char) -> bool {
    matches!(c, '\u{1100}'..='\u{11ff}' | '\u{3130}'..='\u{318f}' | '\u{ac00}'..='\u{d7a3}')
}

/// Every text of the content in both languages, the overviews as plain text: (field, Korean, English).
pub fn every_text() -> Vec<(String, String, String)> {
    let flat = |runs: &[Run]| runs.iter().map(|r| r.text).collect::<String>();
    let mut texts: Vec<(String, String, String)> = site_texts(&SITE)
        .into_iter()
        .map(|(field, t)| (format!("site: {field}"), t.ko.to_owned(), t.en.to_owned()))
        .collect();
    for g in &GENERATIONS {
        let n = g.id.get();
        for (field, t) in generation_texts(g) {
            texts.push((
                format!("generation {n}: {field}"),
                t.ko.to_owned(),
                t.en.to_owned(),
            ));
        }
        for (field, t) in generation_rich_texts(g) {
            texts.push((format!("generation {n}: {field}"), flat(t.ko), flat(t.en)));
        }
    }
    texts
}
