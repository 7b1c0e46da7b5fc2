//! Reads `content/generations.toml`, checks it, and writes it out as Rust source for `src/data.rs` to include.
//!
//! Used by `build.rs` (at build time) and by `tests/content_build.rs` (to test the checks), as a plain module:
//! it needs nothing but `serde` and `toml`.
//!
//! Every error names the file, the generation (or `site`) and the field, e.g.
//! `content/generations.toml: generation 3: field `features[1].en` is empty`, so that a translator who does not
//! read Rust can find and fix it.

use std::fmt::{self, Write as _};
use std::ops::Range;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

/// How many generations the file must list (the same as `data::COUNT`).
pub const COUNT: usize = 6;

/// Parses and checks `toml_src` (read from `file_name`, which is only used in messages) and returns the Rust
/// source that defines `SITE` and `GENERATIONS`. On failure returns every problem found, one per line.
pub fn generate(toml_src: &str, file_name: &str) -> Result<String, String> {
    let raw: RawFile = toml::from_str(toml_src).map_err(|e| toml_error(toml_src, file_name, &e))?;
    let mut check = Checker {
        file: file_name,
        errors: Vec::new(),
    };
    let content = check.file(&raw);
    if check.errors.is_empty() {
        Ok(emit(&content, file_name))
    } else {
        Err(check.errors.join("\n"))
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The file as written. Everything is optional here so that a missing field is reported by the checker below, with
// its full path, rather than by serde; unknown fields are refused by serde.

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a [site] table and [[generation]] tables"
)]
struct RawFile {
    site: Option<RawSite>,
    generation: Option<Vec<RawGeneration>>,
}

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a text written { ko = \"...\", en = \"...\" }"
)]
struct RawText {
    ko: Option<String>,
    en: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "the [site] table")]
struct RawSite {
    title: Option<RawText>,
    heading: Option<RawText>,
    date: Option<String>,
    rows: Option<Vec<RawText>>,
    diagram_caption: Option<RawText>,
    diagram_columns: Option<Vec<RawText>>,
    summary_caption: Option<RawText>,
    summary_columns: Option<Vec<RawText>>,
    overview: Option<RawText>,
    features: Option<RawText>,
    item_columns: Option<Vec<RawText>>,
    pros: Option<RawText>,
    cons: Option<RawText>,
    technologies: Option<RawText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "a [[generation]] table")]
struct RawGeneration {
    id: Option<i64>,
    emoji: Option<String>,
    label: Option<RawText>,
    node_title: Option<RawText>,
    node_subtitle: Option<RawText>,
    fill: Option<String>,
    stroke: Option<String>,
    heading: Option<RawText>,
    english_name: Option<String>,
    overview: Option<RawText>,
    features: Option<Vec<RawText>>,
    pros: Option<RawText>,
    /// Really optional: only generation 1 has a 단점 row.
    cons: Option<RawText>,
    technologies: Option<Vec<String>>,
    diagram: Option<RawDiagramRow>,
    summary: Option<RawSummaryRow>,
}

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a table with `concept` and `technologies`"
)]
struct RawDiagramRow {
    concept: Option<RawText>,
    technologies: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a table with `paradigm`, `technologies` and `benefit`"
)]
struct RawSummaryRow {
    paradigm: Option<RawText>,
    technologies: Option<Vec<String>>,
    benefit: Option<RawText>,
}

// ---------------------------------------------------------------------------------------------------------------
// The file once checked: the same shape as `src/data.rs`.

#[derive(Default)]
struct Text {
    ko: String,
    en: String,
}

struct Run {
    text: String,
    strong: bool,
}

#[derive(Default)]
struct RichText {
    ko: Vec<Run>,
    en: Vec<Run>,
}

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
    overview: RichText,
    features: Vec<Text>,
    pros: Text,
    cons: Option<Text>,
    technologies: Vec<String>,
    diagram_concept: Text,
    diagram_technologies: Vec<String>,
    summary_paradigm: Text,
    summary_technologies: Vec<String>,
    summary_benefit: Text,
}

struct Content {
    site: Site,
    generations: Vec<Generation>,
}

// ---------------------------------------------------------------------------------------------------------------
// The checks.

struct Checker<'a> {
    file: &'a str,
    errors: Vec<String>,
}

/// Whether an empty technology list is acceptable.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Empty {
    Allowed,
    Refused,
}

impl Checker<'_> {
    fn fail(&mut self, scope: &str, field: &str, problem: impl fmt::Display) {
        self.errors
            .push(format!("{}: {scope}: field `{field}` {problem}", self.file));
    }

    fn file(&mut self, raw: &RawFile) -> Content {
        let site = match &raw.site {
            Some(site) => self.site(site),
            None => {
                self.errors.push(format!(
                    "{}: site: the `[site]` table is missing",
                    self.file
                ));
                self.site(&RawSite::empty())
            }
        };
        let raw_generations = raw.generation.as_deref().unwrap_or_default();
        let mut generations = Vec::new();
        for (i, g) in raw_generations.iter().enumerate() {
            generations.push(self.generation(i + 1, g));
        }
        if raw_generations.len() < COUNT {
            for n in raw_generations.len() + 1..=COUNT {
                self.errors.push(format!(
                    "{}: generation {n}: field `[[generation]]` is missing: the file must list exactly {COUNT} \
                     generations, it lists {}",
                    self.file,
                    raw_generations.len()
                ));
            }
        } else if raw_generations.len() > COUNT {
            self.errors.push(format!(
                "{}: generation {}: field `[[generation]]` is one too many: the file must list exactly {COUNT} \
                 generations, it lists {}",
                self.file,
                COUNT + 1,
                raw_generations.len()
            ));
        }
        Content { site, generations }
    }

    fn site(&mut self, s: &RawSite) -> Site {
        let scope = "site";
        Site {
            title: self.text(scope, "title", &s.title),
            heading: self.text(scope, "heading", &s.heading),
            date: self.date(scope, "date", &s.date),
            rows: self.texts(scope, "rows", &s.rows, 2),
            diagram_caption: self.text(scope, "diagram_caption", &s.diagram_caption),
            diagram_columns: self.texts(scope, "diagram_columns", &s.diagram_columns, 3),
            summary_caption: self.text(scope, "summary_caption", &s.summary_caption),
            summary_columns: self.texts(scope, "summary_columns", &s.summary_columns, 4),
            overview: self.text(scope, "overview", &s.overview),
            features: self.text(scope, "features", &s.features),
            item_columns: self.texts(scope, "item_columns", &s.item_columns, 2),
            pros: self.text(scope, "pros", &s.pros),
            cons: self.text(scope, "cons", &s.cons),
            technologies: self.text(scope, "technologies", &s.technologies),
        }
    }

    fn generation(&mut self, n: usize, g: &RawGeneration) -> Generation {
        let scope = &format!("generation {n}");
        match g.id {
            None => self.fail(scope, "id", "is missing"),
            Some(id) if id != n as i64 => self.fail(
                scope,
                "id",
                format_args!(
                    "must be {n}, found {id}: the generations must be listed in order, with ids 1 to {COUNT}"
                ),
            ),
            Some(_) => {}
        }
        let (diagram_concept, diagram_technologies) = match &g.diagram {
            Some(d) => (
                self.text(scope, "diagram.concept", &d.concept),
                self.technologies(
                    scope,
                    "diagram.technologies",
                    &d.technologies,
                    Empty::Refused,
                ),
            ),
            None => {
                self.fail(scope, "diagram", "is missing");
                (Text::default(), Vec::new())
            }
        };
        let (summary_paradigm, summary_technologies, summary_benefit) = match &g.summary {
            Some(s) => (
                self.text(scope, "summary.paradigm", &s.paradigm),
                self.technologies(
                    scope,
                    "summary.technologies",
                    &s.technologies,
                    Empty::Refused,
                ),
                self.text(scope, "summary.benefit", &s.benefit),
            ),
            None => {
                self.fail(scope, "summary", "is missing");
                (Text::default(), Vec::new(), Text::default())
            }
        };
        let features = match &g.features {
            None => {
                self.fail(scope, "features", "is missing");
                Vec::new()
            }
            Some(list) if list.is_empty() => {
                self.fail(
                    scope,
                    "features",
                    "is empty: the post lists at least one feature",
                );
                Vec::new()
            }
            Some(list) => list
                .iter()
                .enumerate()
                .map(|(i, t)| self.plain_text(scope, &format!("features[{i}]"), t))
                .collect(),
        };
        Generation {
            id: n,
            emoji: self.emoji(scope, "emoji", &g.emoji),
            label: self.text(scope, "label", &g.label),
            node_title: self.text(scope, "node_title", &g.node_title),
            node_subtitle: self.text(scope, "node_subtitle", &g.node_subtitle),
            fill: self.colour(scope, "fill", &g.fill),
            stroke: self.colour(scope, "stroke", &g.stroke),
            heading: self.text(scope, "heading", &g.heading),
            english_name: self.name(scope, "english_name", &g.english_name),
            overview: self.rich_text(scope, "overview", &g.overview),
            features,
            pros: self.text(scope, "pros", &g.pros),
            cons: g.cons.as_ref().map(|t| self.plain_text(scope, "cons", t)),
            technologies: self.technologies(scope, "technologies", &g.technologies, Empty::Allowed),
            diagram_concept,
            diagram_technologies,
            summary_paradigm,
            summary_technologies,
            summary_benefit,
        }
    }

    /// One language of a text: present, not blank, no stray spaces around it.
    fn side(&mut self, scope: &str, field: &str, value: &Option<String>) -> String {
        match value {
            None => {
                self.fail(scope, field, "is missing");
                String::new()
            }
            Some(s) if s.trim().is_empty() => {
                self.fail(scope, field, "is empty");
                String::new()
            }
            Some(s) if s.trim() != s => {
                self.fail(scope, field, "starts or ends with a space or line break");
                s.clone()
            }
            Some(s) => s.clone(),
        }
    }

    fn both_sides(&mut self, scope: &str, field: &str, t: &RawText) -> Text {
        Text {
            ko: self.side(scope, &format!("{field}.ko"), &t.ko),
            en: self.side(scope, &format!("{field}.en"), &t.en),
        }
    }

    /// A plain text: `**` is not allowed, as it would show as two asterisks.
    fn plain_text(&mut self, scope: &str, field: &str, t: &RawText) -> Text {
        let text = self.both_sides(scope, field, t);
        for (lang, s) in [("ko", &text.ko), ("en", &text.en)] {
            if s.contains("**") {
                self.fail(
                    scope,
                    &format!("{field}.{lang}"),
                    "contains `**`: bold is only possible in `overview`",
                );
            }
        }
        text
    }

    fn text(&mut self, scope: &str, field: &str, t: &Option<RawText>) -> Text {
        match t {
            Some(t) => self.plain_text(scope, field, t),
            None => {
                self.fail(scope, field, "is missing");
                Text::default()
            }
        }
    }

    /// A fixed number of texts, e.g. a table's column headings.
    fn texts(
        &mut self,
        scope: &str,
        field: &str,
        list: &Option<Vec<RawText>>,
        len: usize,
    ) -> Vec<Text> {
        match list {
            None => {
                self.fail(scope, field, "is missing");
                Vec::new()
            }
            Some(list) if list.len() != len => {
                self.fail(
                    scope,
                    field,
                    format_args!("must have exactly {len} entries, it has {}", list.len()),
                );
                Vec::new()
            }
            Some(list) => list
                .iter()
                .enumerate()
                .map(|(i, t)| self.plain_text(scope, &format!("{field}[{i}]"), t))
                .collect(),
        }
    }

    fn rich_text(&mut self, scope: &str, field: &str, t: &Option<RawText>) -> RichText {
        let Some(t) = t else {
            self.fail(scope, field, "is missing");
            return RichText::default();
        };
        let text = self.both_sides(scope, field, t);
        RichText {
            ko: self.runs(scope, &format!("{field}.ko"), &text.ko),
            en: self.runs(scope, &format!("{field}.en"), &text.en),
        }
    }

    /// Splits `a **b** c` into runs; the `**` markers must pair up and enclose some text.
    fn runs(&mut self, scope: &str, field: &str, s: &str) -> Vec<Run> {
        let parts: Vec<&str> = s.split("**").collect();
        if parts.len().is_multiple_of(2) {
            self.fail(
                scope,
                field,
                format_args!(
                    "has unbalanced `**`: {} markers, but bold text needs one `**` before and one after",
                    parts.len() - 1
                ),
            );
            return Vec::new();
        }
        let mut runs = Vec::new();
        for (i, part) in parts.into_iter().enumerate() {
            let strong = i % 2 == 1;
            if strong && part.trim().is_empty() {
                self.fail(scope, field, "has `**` markers with no text between them");
            } else if strong && part.trim() != part {
                self.fail(
                    scope,
                    field,
                    format_args!("has bold text `**{part}**` that starts or ends with a space"),
                );
            }
            if !part.is_empty() {
                runs.push(Run {
                    text: part.to_owned(),
                    strong,
                });
            }
        }
        runs
    }

    /// A name that is the same in both languages (an English name, a technology).
    fn name(&mut self, scope: &str, field: &str, value: &Option<String>) -> String {
        let s = self.side(scope, field, value);
        if s.contains("**") {
            self.fail(
                scope,
                field,
                "contains `**`: bold is only possible in `overview`",
            );
        }
        s
    }

    fn technologies(
        &mut self,
        scope: &str,
        field: &str,
        list: &Option<Vec<String>>,
        empty: Empty,
    ) -> Vec<String> {
        match list {
            None => {
                self.fail(scope, field, "is missing (write `[]` if there are none)");
                Vec::new()
            }
            Some(list) => {
                if list.is_empty() && empty == Empty::Refused {
                    self.fail(
                        scope,
                        field,
                        "is empty: this table row names at least one technology",
                    );
                }
                list.iter()
                    .enumerate()
                    .map(|(i, t)| self.name(scope, &format!("{field}[{i}]"), &Some(t.clone())))
                    .collect()
            }
        }
    }

    fn emoji(&mut self, scope: &str, field: &str, value: &Option<String>) -> String {
        let s = self.side(scope, field, value);
        if s.chars().any(|c| c.is_whitespace() || c.is_ascii()) {
            self.fail(
                scope,
                field,
                format_args!("must be the node's emoji only, found {s:?}"),
            );
        }
        s
    }

    fn colour(&mut self, scope: &str, field: &str, value: &Option<String>) -> String {
        let s = self.side(scope, field, value);
        let ok =
            s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit());
        if !s.is_empty() && !ok {
            self.fail(
                scope,
                field,
                format_args!("must be a colour written `#rrggbb` (e.g. `#f8fbff`), found {s:?}"),
            );
        }
        s.to_ascii_lowercase()
    }

    fn date(&mut self, scope: &str, field: &str, value: &Option<String>) -> String {
        let s = self.side(scope, field, value);
        let b = s.as_bytes();
        let ok = b.len() == 10
            && b.iter().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    *c == b'-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if !s.is_empty() && !ok {
            self.fail(
                scope,
                field,
                format_args!("must be a date written \"YYYY-MM-DD\" (in quotes), found {s:?}"),
            );
        }
        s
    }
}

impl RawSite {
    fn empty() -> RawSite {
        RawSite {
            title: None,
            heading: None,
            date: None,
            rows: None,
            diagram_caption: None,
            diagram_columns: None,
            summary_caption: None,
            summary_columns: None,
            overview: None,
            features: None,
            item_columns: None,
            pros: None,
            cons: None,
            technologies: None,
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Rust source.

fn emit(c: &Content, file_name: &str) -> String {
    let mut out = String::new();
    let s = &c.site;
    // `write!` into a `String` cannot fail.
    let _ = writeln!(
        out,
        "// @generated by build.rs from {file_name}. Do not edit: edit {file_name} instead.\n"
    );
    out.push_str("pub static SITE: Site = Site {\n");
    let _ = writeln!(out, "    title: {},", text(&s.title));
    let _ = writeln!(out, "    heading: {},", text(&s.heading));
    let _ = writeln!(out, "    date: {:?},", s.date);
    let _ = writeln!(out, "    rows: {},", text_array(&s.rows));
    let _ = writeln!(out, "    diagram_caption: {},", text(&s.diagram_caption));
    let _ = writeln!(
        out,
        "    diagram_columns: {},",
        text_array(&s.diagram_columns)
    );
    let _ = writeln!(out, "    summary_caption: {},", text(&s.summary_caption));
    let _ = writeln!(
        out,
        "    summary_columns: {},",
        text_array(&s.summary_columns)
    );
    let _ = writeln!(out, "    overview: {},", text(&s.overview));
    let _ = writeln!(out, "    features: {},", text(&s.features));
    let _ = writeln!(out, "    item_columns: {},", text_array(&s.item_columns));
    let _ = writeln!(out, "    pros: {},", text(&s.pros));
    let _ = writeln!(out, "    cons: {},", text(&s.cons));
    let _ = writeln!(out, "    technologies: {},", text(&s.technologies));
    out.push_str("};\n\n");

    out.push_str("pub static GENERATIONS: [Generation; COUNT] = [\n");
    for g in &c.generations {
        out.push_str("    Generation {\n");
        let _ = writeln!(out, "        id: GenerationId({}),", g.id);
        let _ = writeln!(out, "        emoji: {:?},", g.emoji);
        let _ = writeln!(out, "        label: {},", text(&g.label));
        let _ = writeln!(out, "        node_title: {},", text(&g.node_title));
        let _ = writeln!(out, "        node_subtitle: {},", text(&g.node_subtitle));
        let _ = writeln!(out, "        fill: {:?},", g.fill);
        let _ = writeln!(out, "        stroke: {:?},", g.stroke);
        let _ = writeln!(out, "        heading: {},", text(&g.heading));
        let _ = writeln!(out, "        english_name: {:?},", g.english_name);
        let _ = writeln!(out, "        overview: Localized {{");
        let _ = writeln!(out, "            ko: {},", runs(&g.overview.ko));
        let _ = writeln!(out, "            en: {},", runs(&g.overview.en));
        let _ = writeln!(out, "        }},");
        let _ = writeln!(out, "        features: &{},", text_array(&g.features));
        let _ = writeln!(out, "        pros: {},", text(&g.pros));
        match &g.cons {
            Some(cons) => {
                let _ = writeln!(out, "        cons: Some({}),", text(cons));
            }
            None => out.push_str("        cons: None,\n"),
        }
        let _ = writeln!(out, "        technologies: &{:?},", g.technologies);
        let _ = writeln!(out, "        diagram: DiagramRow {{");
        let _ = writeln!(out, "            concept: {},", text(&g.diagram_concept));
        let _ = writeln!(
            out,
            "            technologies: &{:?},",
            g.diagram_technologies
        );
        let _ = writeln!(out, "        }},");
        let _ = writeln!(out, "        summary: SummaryRow {{");
        let _ = writeln!(out, "            paradigm: {},", text(&g.summary_paradigm));
        let _ = writeln!(
            out,
            "            technologies: &{:?},",
            g.summary_technologies
        );
        let _ = writeln!(out, "            benefit: {},", text(&g.summary_benefit));
        let _ = writeln!(out, "        }},");
        out.push_str("    },\n");
    }
    out.push_str("];\n");
    out
}

fn text(t: &Text) -> String {
    format!("Localized {{ ko: {:?}, en: {:?} }}", t.ko, t.en)
}

fn text_array(list: &[Text]) -> String {
    let items: Vec<String> = list.iter().map(text).collect();
    format!("[{}]", items.join(", "))
}

fn runs(list: &[Run]) -> String {
    let items: Vec<String> = list
        .iter()
        .map(|r| format!("Run {{ text: {:?}, strong: {} }}", r.text, r.strong))
        .collect();
    format!("&[{}]", items.join(", "))
}

// ---------------------------------------------------------------------------------------------------------------
// Errors from toml itself (syntax, unknown fields, wrong types), with the generation and the field found from the
// error's position.

fn toml_error(src: &str, file: &str, e: &toml::de::Error) -> String {
    let Some(span) = e.span() else {
        return format!("{file}: {}", e.message());
    };
    let (line, column) = line_column(src, span.start);
    // A file that parses but does not fit the model: find the field at the error's position in the parsed tree.
    if let Ok(tree) = toml::from_str::<Node>(src) {
        let mut entries = Vec::new();
        tree.entries(&mut Vec::new(), &mut entries);
        if let Some(path) = path_at(&entries, span.start) {
            let (scope, field) = describe(&path);
            return format!(
                "{file}: {scope}field `{field}`: {} (line {line}, column {column})",
                e.message().trim_end()
            );
        }
    }
    // A syntax error: toml's own message, after the generation and the nearest field above the error.
    let (scope, field) = scan_position(src, span.start);
    let near = field
        .map(|f| format!("near field `{f}`: "))
        .unwrap_or_default();
    // The one value our tree cannot hold is an unquoted date, which toml reads as a datetime (a "map").
    let hint = if e.message().starts_with("invalid type: map") {
        "\n(a date, like any text in this file, must be written between double quotes)"
    } else {
        ""
    };
    format!("{file}: {scope}{near}{}{hint}", e.to_string().trim_end())
}

fn line_column(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = src.get(..offset).unwrap_or(src);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

#[derive(Clone, Debug)]
enum Segment {
    Key(String),
    Index(usize),
}

/// "generation 3: " and "features[1].en" from `generation[2].features[1].en`.
fn describe(path: &[Segment]) -> (String, String) {
    let (scope, rest) = match path {
        [Segment::Key(k), Segment::Index(i), rest @ ..] if k == "generation" => {
            (format!("generation {}: ", i + 1), rest)
        }
        [Segment::Key(k), rest @ ..] if k == "site" && !rest.is_empty() => {
            ("site: ".to_owned(), rest)
        }
        _ => (String::new(), path),
    };
    let mut field = String::new();
    for segment in rest {
        match segment {
            Segment::Key(k) if field.is_empty() => field.push_str(k),
            Segment::Key(k) => {
                field.push('.');
                field.push_str(k);
            }
            Segment::Index(i) => {
                let _ = write!(field, "[{i}]");
            }
        }
    }
    if field.is_empty() {
        field.push_str(match path.first() {
            Some(Segment::Key(k)) if k == "generation" => "[[generation]]",
            Some(Segment::Key(k)) => k,
            _ => "?",
        });
    }
    (scope, field)
}

/// Any TOML document, with the position of every key and of every array element.
enum Node {
    Table(Vec<(toml::Spanned<String>, Node)>),
    Array(Vec<toml::Spanned<Node>>),
    Leaf,
}

impl Node {
    /// Every key and array element, with its path, in document order.
    fn entries(&self, path: &mut Vec<Segment>, out: &mut Vec<(Vec<Segment>, Range<usize>)>) {
        match self {
            Node::Table(entries) => {
                for (key, value) in entries {
                    path.push(Segment::Key(key.get_ref().clone()));
                    out.push((path.clone(), key.span()));
                    value.entries(path, out);
                    path.pop();
                }
            }
            Node::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(Segment::Index(i));
                    out.push((path.clone(), item.span()));
                    item.get_ref().entries(path, out);
                    path.pop();
                }
            }
            Node::Leaf => {}
        }
    }
}

/// The key or array element at `offset`: the one that starts nearest before it (for an error about a value, its
/// own key), the deepest one if several start there.
fn path_at(entries: &[(Vec<Segment>, Range<usize>)], offset: usize) -> Option<Vec<Segment>> {
    entries
        .iter()
        .filter(|(_, span)| span.start <= offset)
        .max_by_key(|(path, span)| (span.start, path.len()))
        .map(|(path, _)| path.clone())
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Node, D::Error> {
        struct NodeVisitor;

        impl<'de> Visitor<'de> for NodeVisitor {
            type Value = Node;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any TOML value")
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Node, E> {
                Ok(Node::Leaf)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Node, E> {
                Ok(Node::Leaf)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Node, E> {
                Ok(Node::Leaf)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Node, E> {
                Ok(Node::Leaf)
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Node, E> {
                Ok(Node::Leaf)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Node::Array(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key()? {
                    entries.push((key, map.next_value()?));
                }
                Ok(Node::Table(entries))
            }
        }

        deserializer.deserialize_any(NodeVisitor)
    }
}

/// For a file that does not parse: the generation (by counting `[[generation]]` headers) and the nearest key above
/// `offset` in the same table, by reading lines.
fn scan_position(src: &str, offset: usize) -> (String, Option<String>) {
    let before = src.get(..offset.min(src.len())).unwrap_or(src);
    let mut scope = String::new();
    let mut prefix = String::new();
    let mut key = None;
    let mut generations = 0;
    for line in before.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            let header = line.trim_start_matches('[');
            let header = header.split(']').next().unwrap_or("").trim();
            key = None;
            if line.starts_with("[[") && header == "generation" {
                generations += 1;
            }
            let mut parts = header.splitn(2, '.');
            match parts.next() {
                Some("generation") => scope = format!("generation {generations}: "),
                Some("site") => scope = "site: ".to_owned(),
                _ => scope.clear(),
            }
            prefix = parts.next().map(|p| format!("{p}.")).unwrap_or_default();
        } else if let Some((k, _)) = line.split_once('=') {
            let k = k.trim();
            if !k.is_empty()
                && k.chars()
                    .all(|c| c.is_alphanumeric() || "_-. \"'".contains(c))
            {
                key = Some(format!("{prefix}{}", k.replace(' ', "")));
            }
        }
    }
    (scope, key)
}
