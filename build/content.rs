//! Reads `content/generations.toml`, checks it, and writes it out as Rust source for `src/data.rs` to include.
//!
//! Used by `build.rs` (at build time) and by `tests/content_build.rs` (to test the checks), as a plain module:
//! it needs nothing but `serde`, `toml` and `serde_path_to_error`.
//!
//! Every error names the file, the generation (or `site`) and the field, e.g.
//! `content/generations.toml: generation 3: field `features[1].en` is empty`, so that a translator who does not
//! read Rust can find and fix it. A file whose shape is wrong (a syntax error, a missing or unknown field, a value of
//! the wrong type) is reported at its first mistake, with the path `serde_path_to_error` tracked to it; a file of
//! the right shape is then checked whole, and every problem in its values is reported at once.

use std::fmt::{self, Write as _};

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};

/// How many generations the file must list (the same as `data::COUNT`).
pub const COUNT: usize = 6;

/// Parses and checks `toml_src` (read from `file_name`, which is only used in messages) and returns the Rust
/// source that defines `SITE` and `GENERATIONS`. On failure returns every problem found, one per line.
pub fn generate(toml_src: &str, file_name: &str) -> Result<String, String> {
    let content: Content = serde_path_to_error::deserialize(toml::Deserializer::new(toml_src))
        .map_err(|e| shape_error(toml_src, file_name, &e))?;
    let problems = Checker::default().content(&content);
    if !problems.is_empty() {
        let lines: Vec<String> = problems
            .iter()
            .map(|p| format!("{file_name}: {p}"))
            .collect();
        return Err(lines.join("\n"));
    }
    emit(&content, file_name).map_err(|e| format!("{file_name}: cannot write the Rust source: {e}"))
}

// ---------------------------------------------------------------------------------------------------------------
// The file, in the shape of `src/data.rs`. Every field is required (serde reports a missing one with its path)
// except `cons`; unknown fields are refused.

#[derive(Deserialize)]
#[serde(
    remote = "Self",
    deny_unknown_fields,
    expecting = "a [site] table and [[generation]] tables"
)]
struct Content {
    site: Site,
    generation: Vec<Generation>,
}

#[derive(Deserialize)]
#[serde(
    remote = "Self",
    deny_unknown_fields,
    expecting = "a text written { ko = \"...\", en = \"...\" }"
)]
struct Text {
    ko: String,
    en: String,
}

#[derive(Deserialize)]
#[serde(remote = "Self", deny_unknown_fields, expecting = "the [site] table")]
struct Site {
    title: Text,
    heading: Text,
    date: String,
    rows: Vec<Text>,
    diagram_caption: Text,
    diagram_columns: Vec<Text>,
    summary_caption: Text,
    summary_columns: Vec<Text>,
    overview: Text,
    features: Text,
    item_columns: Vec<Text>,
    pros: Text,
    cons: Text,
    technologies: Text,
}

#[derive(Deserialize)]
#[serde(
    remote = "Self",
    deny_unknown_fields,
    expecting = "a [[generation]] table"
)]
struct Generation {
    id: usize,
    emoji: String,
    label: Text,
    node_title: Text,
    node_subtitle: Text,
    fill: String,
    stroke: String,
    heading: Text,
    english_name: String,
    /// The only text that may hold `**bold**`.
    overview: Text,
    features: Vec<Text>,
    pros: Text,
    /// Optional: only generation 1 has a 단점 row.
    cons: Option<Text>,
    technologies: Vec<String>,
    diagram: DiagramRow,
    summary: SummaryRow,
}

#[derive(Deserialize)]
#[serde(
    remote = "Self",
    deny_unknown_fields,
    expecting = "a table with `concept` and `technologies`"
)]
struct DiagramRow {
    concept: Text,
    technologies: Vec<String>,
}

#[derive(Deserialize)]
#[serde(
    remote = "Self",
    deny_unknown_fields,
    expecting = "a table with `paradigm`, `technologies` and `benefit`"
)]
struct SummaryRow {
    paradigm: Text,
    technologies: Vec<String>,
    benefit: Text,
}

// Tables only. serde's derive also reads a struct from a list of its values in field order, so that
// `pros = ["장점", "Advantages"]` would pass for `{ ko = …, en = … }`, and a list in the wrong order would build
// silently wrong. Each struct's derived code (`remote = "Self"`) is therefore handed its input through
// `TableOnly`, which refuses a list with the struct's own `expecting` message.

macro_rules! tables_only {
    ($($name:ident),*) => {$(
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $name::deserialize(TableOnly(deserializer))
            }
        }
    )*};
}

tables_only!(Content, Text, Site, Generation, DiagramRow, SummaryRow);

/// A deserializer that reads a struct from a table (a map) only.
struct TableOnly<D>(D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for TableOnly<D> {
    type Error = D::Error;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_struct(name, fields, MapOnly(visitor))
    }

    // The derived code asks for a struct and nothing else.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

/// The derived visitor without its `visit_seq`: a list is "invalid type: sequence, expected …".
struct MapOnly<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for MapOnly<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(map)
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The checks on the values.

#[derive(Default)]
struct Checker {
    scope: String,
    problems: Vec<String>,
}

impl Checker {
    fn fail(&mut self, field: &str, problem: impl fmt::Display) {
        self.problems
            .push(format!("{}: field `{field}` {problem}", self.scope));
    }

    fn content(mut self, c: &Content) -> Vec<String> {
        self.site(&c.site);
        for (i, g) in c.generation.iter().enumerate() {
            self.scope = format!("generation {}", i + 1);
            self.generation(i + 1, g);
        }
        let listed = c.generation.len();
        let too_few = (listed + 1..=COUNT).map(|n| (n, "is missing"));
        let too_many = (listed > COUNT).then_some((COUNT + 1, "is one too many"));
        for (n, problem) in too_few.chain(too_many) {
            self.scope = format!("generation {n}");
            self.fail(
                "[[generation]]",
                format_args!(
                    "{problem}: the file must list exactly {COUNT} generations, it lists {listed}"
                ),
            );
        }
        self.problems
    }

    fn site(&mut self, s: &Site) {
        "site".clone_into(&mut self.scope);
        for (field, t) in [
            ("title", &s.title),
            ("heading", &s.heading),
            ("diagram_caption", &s.diagram_caption),
            ("summary_caption", &s.summary_caption),
            ("overview", &s.overview),
            ("features", &s.features),
            ("pros", &s.pros),
            ("cons", &s.cons),
            ("technologies", &s.technologies),
        ] {
            self.text(field, t);
        }
        // As many as `src/data.rs` has room for: two flowchart rows, and each table's columns.
        for (field, list, len) in [
            ("rows", &s.rows, 2),
            ("diagram_columns", &s.diagram_columns, 3),
            ("summary_columns", &s.summary_columns, 4),
            ("item_columns", &s.item_columns, 2),
        ] {
            if list.len() != len {
                let found = list.len();
                self.fail(
                    field,
                    format_args!("must have exactly {len} entries, it has {found}"),
                );
            }
            self.texts(field, list);
        }
        let b = s.date.as_bytes();
        let is_date = b.len() == 10
            && b.iter().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    *c == b'-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if self.side("date", &s.date) && !is_date {
            let found = &s.date;
            self.fail(
                "date",
                format_args!("must be a date written \"YYYY-MM-DD\" (in quotes), found {found:?}"),
            );
        }
    }

    fn generation(&mut self, n: usize, g: &Generation) {
        if g.id != n {
            let id = g.id;
            self.fail(
                "id",
                format_args!("must be {n}, found {id}: the generations must be listed in order, with ids 1 to {COUNT}"),
            );
        }
        if self.side("emoji", &g.emoji)
            && g.emoji.chars().any(|c| c.is_whitespace() || c.is_ascii())
        {
            let found = &g.emoji;
            self.fail(
                "emoji",
                format_args!("must be the node's emoji only, found {found:?}"),
            );
        }
        for (field, colour) in [("fill", &g.fill), ("stroke", &g.stroke)] {
            let ok = colour.len() == 7
                && colour.starts_with('#')
                && colour[1..].chars().all(|c| c.is_ascii_hexdigit());
            if self.side(field, colour) && !ok {
                self.fail(
                    field,
                    format_args!(
                        "must be a colour written `#rrggbb` (e.g. `#f8fbff`), found {colour:?}"
                    ),
                );
            }
        }
        self.name("english_name", &g.english_name);
        for (field, t) in [
            ("label", &g.label),
            ("node_title", &g.node_title),
            ("node_subtitle", &g.node_subtitle),
            ("heading", &g.heading),
            ("pros", &g.pros),
            ("diagram.concept", &g.diagram.concept),
            ("summary.paradigm", &g.summary.paradigm),
            ("summary.benefit", &g.summary.benefit),
        ] {
            self.text(field, t);
        }
        if let Some(cons) = &g.cons {
            self.text("cons", cons);
        }
        if g.features.is_empty() {
            self.fail("features", "is empty: the post lists at least one feature");
        }
        self.texts("features", &g.features);
        for (lang, s) in [("ko", &g.overview.ko), ("en", &g.overview.en)] {
            let field = format!("overview.{lang}");
            if self.side(&field, s)
                && let Err(problem) = runs(s)
            {
                self.fail(&field, problem);
            }
        }
        for (field, list) in [
            ("technologies", &g.technologies),
            ("diagram.technologies", &g.diagram.technologies),
            ("summary.technologies", &g.summary.technologies),
        ] {
            // Generation 1's 항목/내용 table has no 대표 기술 row; the two tables name technologies in every row.
            if list.is_empty() && field != "technologies" {
                self.fail(
                    field,
                    "is empty: this table row names at least one technology",
                );
            }
            for (i, name) in list.iter().enumerate() {
                self.name(&format!("{field}[{i}]"), name);
            }
        }
    }

    /// One language of a text, or a name: not blank, no stray spaces around it. Whether it passed.
    fn side(&mut self, field: &str, s: &str) -> bool {
        let problem = if s.trim().is_empty() {
            "is empty"
        } else if s.trim() != s {
            "starts or ends with a space or line break"
        } else {
            return true;
        };
        self.fail(field, problem);
        false
    }

    /// A name the same in both languages (an English name, a technology): `**` would show as two asterisks.
    fn name(&mut self, field: &str, s: &str) {
        if self.side(field, s) && s.contains("**") {
            self.fail(field, "contains `**`: bold is only possible in `overview`");
        }
    }

    fn text(&mut self, field: &str, t: &Text) {
        self.name(&format!("{field}.ko"), &t.ko);
        self.name(&format!("{field}.en"), &t.en);
    }

    fn texts(&mut self, field: &str, list: &[Text]) {
        for (i, t) in list.iter().enumerate() {
            self.text(&format!("{field}[{i}]"), t);
        }
    }
}

/// Splits `a **b** c` into runs of plain and bold text; the `**` markers must pair up and enclose some text.
fn runs(s: &str) -> Result<Vec<(&str, bool)>, String> {
    let parts: Vec<&str> = s.split("**").collect();
    if parts.len().is_multiple_of(2) {
        let markers = parts.len() - 1;
        return Err(format!(
            "has unbalanced `**`: {markers} markers, but bold text needs one `**` before and one after"
        ));
    }
    let mut runs = Vec::new();
    for (i, part) in parts.into_iter().enumerate() {
        let strong = i % 2 == 1;
        if strong && part.trim().is_empty() {
            return Err("has `**` markers with no text between them".to_owned());
        }
        if strong && part.trim() != part {
            return Err(format!(
                "has bold text `**{part}**` that starts or ends with a space"
            ));
        }
        if !part.is_empty() {
            runs.push((part, strong));
        }
    }
    Ok(runs)
}

// ---------------------------------------------------------------------------------------------------------------
// Errors in the file's shape, from toml and serde, with the generation and the field from the tracked path.

fn shape_error(src: &str, file: &str, e: &serde_path_to_error::Error<toml::de::Error>) -> String {
    let inner = e.inner();
    let message = inner.message().trim_end();
    // `generation[2].features[1].en` → "generation 3: " and `features[1].en`; `site.date` → "site: " and `date`.
    let path = e.path().to_string();
    let (mut scope, field) = if let Some(rest) = path.strip_prefix("generation[") {
        let (index, field) = rest.split_once(']').unwrap_or((rest, ""));
        let n = index.parse::<usize>().map_or(0, |i| i + 1);
        (format!("generation {n}: "), field.trim_start_matches('.'))
    } else if let Some(field) = path
        .strip_prefix("site.")
        .or((path == "site").then_some(""))
    {
        // `site` alone: a field of the site table itself is missing.
        ("site: ".to_owned(), field)
    } else {
        (String::new(), path.trim_start_matches('.'))
    };
    let Some(span) = inner.span() else {
        return format!("{file}: {scope}{message}");
    };
    let before = src.get(..span.start).unwrap_or(src);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    if let Some(missing) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.strip_suffix('`'))
    {
        let path = if field.is_empty() {
            missing.to_owned()
        } else {
            format!("{field}.{missing}")
        };
        return format!(
            "{file}: {scope}field `{path}` is missing (in the table at line {line}, column {column})"
        );
    }
    if !field.is_empty() {
        // toml reads an unquoted date as a datetime, which serde sees as a map.
        let hint = if message.starts_with("invalid type: map") {
            "\n(a date, like any text in this file, must be written between double quotes)"
        } else {
            ""
        };
        return format!(
            "{file}: {scope}field `{field}`: {message} (line {line}, column {column}){hint}"
        );
    }
    // A syntax error: toml's own message, after the generation and the nearest key above the error.
    let mut generations = 0;
    let mut near = String::new();
    for text in before.lines().map(str::trim) {
        if text == "[[generation]]" {
            generations += 1;
            scope = format!("generation {generations}: ");
        } else if text == "[site]" {
            "site: ".clone_into(&mut scope);
        } else if let Some((key, _)) = text.split_once('=')
            && !key.trim().is_empty()
            && key
                .trim()
                .chars()
                .all(|c| c.is_alphanumeric() || "_-.".contains(c))
        {
            near = format!("near field `{}`: ", key.trim());
        }
    }
    format!("{file}: {scope}{near}{}", inner.to_string().trim_end())
}

// ---------------------------------------------------------------------------------------------------------------
// Rust source.

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Localized {{ ko: {:?}, en: {:?} }}", self.ko, self.en)
    }
}

/// `[a, b]` for a list of texts.
struct List<'a>(&'a [Text]);

impl fmt::Display for List<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[")?;
        for (i, t) in self.0.iter().enumerate() {
            write!(f, "{}{t}", if i == 0 { "" } else { ", " })?;
        }
        f.write_str("]")
    }
}

/// `&[Run { .. }, ..]` for a checked overview.
struct Runs<'a>(&'a str);

impl fmt::Display for Runs<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("&[")?;
        for (i, (text, strong)) in runs(self.0)
            .map_err(|_| fmt::Error)?
            .into_iter()
            .enumerate()
        {
            let sep = if i == 0 { "" } else { ", " };
            write!(f, "{sep}Run {{ text: {text:?}, strong: {strong} }}")?;
        }
        f.write_str("]")
    }
}

fn emit(c: &Content, file_name: &str) -> Result<String, fmt::Error> {
    let mut out = String::new();
    let s = &c.site;
    writeln!(
        out,
        "// @generated by build.rs from {file_name}. Do not edit: edit {file_name} instead.\n"
    )?;
    writeln!(out, "pub static SITE: Site = Site {{")?;
    writeln!(out, "    title: {},", s.title)?;
    writeln!(out, "    heading: {},", s.heading)?;
    writeln!(out, "    date: {:?},", s.date)?;
    writeln!(out, "    rows: {},", List(&s.rows))?;
    writeln!(out, "    diagram_caption: {},", s.diagram_caption)?;
    writeln!(out, "    diagram_columns: {},", List(&s.diagram_columns))?;
    writeln!(out, "    summary_caption: {},", s.summary_caption)?;
    writeln!(out, "    summary_columns: {},", List(&s.summary_columns))?;
    writeln!(out, "    overview: {},", s.overview)?;
    writeln!(out, "    features: {},", s.features)?;
    writeln!(out, "    item_columns: {},", List(&s.item_columns))?;
    writeln!(out, "    pros: {},", s.pros)?;
    writeln!(out, "    cons: {},", s.cons)?;
    writeln!(out, "    technologies: {},", s.technologies)?;
    writeln!(out, "}};\n")?;

    writeln!(out, "pub static GENERATIONS: [Generation; COUNT] = [")?;
    for g in &c.generation {
        writeln!(out, "    Generation {{")?;
        writeln!(out, "        id: GenerationId({}),", g.id)?;
        writeln!(out, "        emoji: {:?},", g.emoji)?;
        writeln!(out, "        label: {},", g.label)?;
        writeln!(out, "        node_title: {},", g.node_title)?;
        writeln!(out, "        node_subtitle: {},", g.node_subtitle)?;
        writeln!(out, "        fill: {:?},", g.fill.to_ascii_lowercase())?;
        writeln!(out, "        stroke: {:?},", g.stroke.to_ascii_lowercase())?;
        writeln!(out, "        heading: {},", g.heading)?;
        writeln!(out, "        english_name: {:?},", g.english_name)?;
        writeln!(out, "        overview: Localized {{")?;
        writeln!(out, "            ko: {},", Runs(&g.overview.ko))?;
        writeln!(out, "            en: {},", Runs(&g.overview.en))?;
        writeln!(out, "        }},")?;
        writeln!(out, "        features: &{},", List(&g.features))?;
        writeln!(out, "        pros: {},", g.pros)?;
        match &g.cons {
            Some(cons) => writeln!(out, "        cons: Some({cons}),")?,
            None => writeln!(out, "        cons: None,")?,
        }
        writeln!(out, "        technologies: &{:?},", g.technologies)?;
        writeln!(out, "        diagram: DiagramRow {{")?;
        writeln!(out, "            concept: {},", g.diagram.concept)?;
        writeln!(
            out,
            "            technologies: &{:?},",
            g.diagram.technologies
        )?;
        writeln!(out, "        }},")?;
        writeln!(out, "        summary: SummaryRow {{")?;
        writeln!(out, "            paradigm: {},", g.summary.paradigm)?;
        writeln!(
            out,
            "            technologies: &{:?},",
            g.summary.technologies
        )?;
        writeln!(out, "            benefit: {},", g.summary.benefit)?;
        writeln!(out, "        }},")?;
        writeln!(out, "    }},")?;
    }
    writeln!(out, "];\n")?;

    let index = technology_index(c);
    writeln!(
        out,
        "pub static TECHNOLOGIES: [Technology; {}] = [",
        index.len()
    )?;
    for (name, mentions) in &index {
        writeln!(out, "    Technology {{")?;
        writeln!(out, "        name: {name:?},")?;
        writeln!(out, "        mentions: &[")?;
        for (id, place) in mentions {
            writeln!(
                out,
                "            Mention {{ generation: GenerationId({id}), place: Place::{place} }},"
            )?;
        }
        writeln!(out, "        ],")?;
        writeln!(out, "    }},")?;
    }
    writeln!(out, "];")?;
    Ok(out)
}

/// Every technology the post names, in alphabetical order (ignoring case), each with where it is named: the
/// flowchart nodes' subtitles that list technologies (`A / B / C`), the two tables' technology columns and each
/// generation's 대표 기술 row, in generation order and, within a generation, in that order of places.
fn technology_index(c: &Content) -> Vec<(String, Vec<(usize, &'static str)>)> {
    let mut index: Vec<(String, Vec<(usize, &'static str)>)> = Vec::new();
    for g in &c.generation {
        let subtitle = &g.node_subtitle.en;
        let node: Vec<&str> = if subtitle.contains(" / ") {
            subtitle.split(" / ").map(str::trim).collect()
        } else {
            Vec::new()
        };
        let places: [(&'static str, Vec<&str>); 4] = [
            ("Node", node),
            (
                "Diagram",
                g.diagram.technologies.iter().map(String::as_str).collect(),
            ),
            (
                "Summary",
                g.summary.technologies.iter().map(String::as_str).collect(),
            ),
            ("Items", g.technologies.iter().map(String::as_str).collect()),
        ];
        for (place, names) in places {
            for name in names {
                let at = if let Some(at) = index.iter().position(|(n, _)| n == name) {
                    at
                } else {
                    index.push((name.to_owned(), Vec::new()));
                    index.len() - 1
                };
                index[at].1.push((g.id, place));
            }
        }
    }
    index.sort_by_key(|(name, _)| name.to_lowercase());
    index
}
