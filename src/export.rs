//! The content as files to take away: the post's tables as CSV and Markdown, the whole content as JSON, the
//! flowchart as SVG, and the citation the "Cite" button copies. Plain Rust, tested natively; the UI makes the
//! downloads. `docs/export.md` describes the formats, the file names and where each file credits its source.
//!
//! Every byte here ships in the wasm, which can't be split, so the writers are small and hand-made: one escaper for
//! all the formats, one table writer for every table in both table formats (over the aspects `crate::compare`
//! already describes), the SVG and dates from templates with holes for numbers and text, everything appended to
//! one `String` by one function that is never inlined (no `format!`: `core::fmt` would cost more than the writers). Every file carries
//! the same source credit: the post's title, its date and the link to what the reader was looking at.

use crate::compare::{ASPECTS, Value};
use crate::data::{GENERATIONS, GenerationId, Lang, Run, SITE, Text};

/// A file to download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    /// The file name, saying what it holds, e.g. `web-infra-evolution-summary.ko.csv`.
    pub name: String,
    /// The MIME type, e.g. `text/csv;charset=utf-8`.
    pub mime: &'static str,
    pub body: String,
}

/// One of the post's tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    /// "다이어그램 설명": 세대 / 핵심 개념 / 대표 기술.
    Diagram,
    /// "세대별 요약 비교": 세대 / 인프라 패러다임 / 핵심 기술 / 주요 장점.
    Summary,
    /// A generation's own 항목 / 내용 table: 장점, 단점 (generation 1 only), 대표 기술 (not generation 1).
    Items(GenerationId),
}

/// The formats a table is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// CSV (RFC 4180, CRLF) with a byte order mark, so that Excel reads the Korean as UTF-8.
    Csv,
    /// A pipe table, as GitHub renders it.
    Markdown,
}

/// The languages of a table: one, or both side by side (each column twice, Korean then English).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Langs {
    One(Lang),
    Both,
}

/// The shape of [`json`]'s file, named in it as `"version"`; a change that could break a reader raises it.
pub const JSON_VERSION: u32 = 1;

/// What every file name starts with.
const STEM: &str = "web-infra-evolution";

/// The word before the credit.
const SOURCE: Text = Text {
    ko: "출처",
    en: "Source",
};

/// The aspects of `crate::compare` that the tables show, there in the post's order: the "다이어그램 설명" table's
/// two columns after 세대, the "세대별 요약 비교" table's three, and a generation's own table's rows.
const DIAGRAM_ASPECTS: std::ops::Range<usize> = 0..2;
const SUMMARY_ASPECTS: std::ops::Range<usize> = 2..5;
const ITEM_ASPECTS: std::ops::RangeFrom<usize> = 7..;

/// Appends `s`. Never inlined: the writers call it a hundred times, and an inlined `push_str` costs the wasm
/// several times the call.
#[inline(never)]
fn put(out: &mut String, s: &str) {
    out.push_str(s);
}

/// How text is escaped, per format.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Esc {
    /// Quotes doubled (and the field quoted if it needs to be: [`field`]).
    Csv,
    /// Within a table cell or a line: what would be markup escaped with `\`, a line break as `<br>`, other control
    /// characters dropped.
    Markdown,
    /// Within a JSON string.
    Json,
    /// Within XML text or an attribute value; control characters, which XML can't hold, dropped.
    Xml,
    /// As it is, but control characters dropped.
    Plain,
    /// A URL made safe in every format: what a serialized URL never holds raw (space, quotes, `<>`, braces…)
    /// percent-encoded, so that it can stand in a Markdown autolink and a BibTeX field.
    Url,
}

/// Writes `text` escaped for `how`.
fn esc(out: &mut String, text: &str, how: Esc) {
    let (special, prefix) = match how {
        Esc::Csv => ("\"", "\""),
        Esc::Markdown => ("\\|*_`<", "\\"),
        Esc::Json => ("\"\\", "\\"),
        Esc::Xml => ("&<>\"", ""),
        Esc::Url => (" \"<>\\^`{|}", "%"),
        Esc::Plain => ("", ""),
    };
    for c in text.chars() {
        let at = special.bytes().position(|b| char::from(b) == c);
        match (how, at) {
            (_, None) if c >= ' ' => out.push(c),
            (Esc::Xml, Some(i)) => put(out, ENTITIES[i]),
            // Percent-encoded, or a JSON string's control character as `\u00XX`.
            (Esc::Url, _) | (Esc::Json, None) => {
                put(out, if how == Esc::Url { "%" } else { "\\u00" });
                let n = u32::from(c);
                out.push(digit(n >> 4));
                out.push(digit(n & 15));
            }
            (_, Some(_)) => {
                put(out, prefix);
                out.push(c);
            }
            // Control characters: kept in CSV (the field is quoted), a line break in Markdown, dropped elsewhere.
            (Esc::Csv, None) => out.push(c),
            (Esc::Markdown, None) if c == '\n' => put(out, "<br>"),
            _ => {}
        }
    }
}

/// XML's names for the characters [`Esc::Xml`] escapes, in its order.
static ENTITIES: [&str; 4] = ["&amp;", "&lt;", "&gt;", "&quot;"];

/// The hex digit of `n` (below 16), and so a decimal digit too.
fn digit(n: u32) -> char {
    char::from(b"0123456789ABCDEF"[(n & 15) as usize])
}

/// Writes `n` in decimal.
fn num(out: &mut String, n: u32) {
    if n >= 10 {
        num(out, n / 10);
    }
    out.push(digit(n % 10));
}

/// Writes `text` as a field of a table in `how`: escaped, and in CSV quoted if it holds a comma, a quote or a
/// line break (RFC 4180).
fn field(out: &mut String, text: &str, how: Esc) {
    let quote = how == Esc::Csv
        && text
            .bytes()
            .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'));
    if quote {
        out.push('"');
    }
    esc(out, text, how);
    if quote {
        out.push('"');
    }
}

/// `text` in each of `langs`, joined by " / ".
fn texts(out: &mut String, text: &Text, langs: &[Lang]) {
    for (i, &lang) in langs.iter().enumerate() {
        if i > 0 {
            put(out, " / ");
        }
        put(out, text.get(lang));
    }
}

/// The source credit, unescaped: `출처: 웹 인프라 진화, 2025-10-17, https://…` in `langs`, the URL made safe
/// (see [`Esc::Url`]), and in `<>` for Markdown, where it is an autolink (which takes no escapes: the credit's
/// other words are the post's title, with nothing Markdown would read as markup, so the line is written as is).
fn credit(langs: &[Lang], url: &str, autolink: bool) -> String {
    let mut out = String::with_capacity(128);
    texts(&mut out, &SOURCE, langs);
    put(&mut out, ": ");
    texts(&mut out, &SITE.title, langs);
    put(&mut out, ", ");
    put(&mut out, SITE.date);
    put(&mut out, if autolink { ", <" } else { ", " });
    esc(&mut out, url, Esc::Url);
    if autolink {
        out.push('>');
    }
    out
}

/// The languages of `langs`, and their part of a file name.
fn langs_of(langs: Langs) -> (&'static [Lang], &'static str) {
    match langs {
        Langs::One(Lang::Ko) => (&[Lang::Ko], "ko"),
        Langs::One(Lang::En) => (&[Lang::En], "en"),
        Langs::Both => (&Lang::ALL, "ko-en"),
    }
}

/// A table being written, field by field.
struct Rows {
    out: String,
    /// The cell's text before it is escaped.
    text: String,
    langs: &'static [Lang],
    how: Esc,
    /// Fields written in the current row, and in the header.
    fields: usize,
    width: usize,
}

impl Rows {
    /// A cell: a field in each language.
    fn cell(&mut self, value: Value) {
        for &lang in self.langs {
            put(
                &mut self.out,
                match (self.how, self.fields) {
                    (Esc::Csv, 0) => "",
                    (Esc::Csv, _) => ",",
                    (_, 0) => "| ",
                    _ => " | ",
                },
            );
            self.fields += 1;
            let text = &mut self.text;
            text.clear();
            match value {
                Value::Text(words) => put(text, words.get(lang)),
                Value::Names(names) => {
                    for (i, name) in names.iter().enumerate() {
                        if i > 0 {
                            put(text, ", ");
                        }
                        put(text, name);
                    }
                }
                // No aspect of the tables is a paragraph or a list.
                Value::Rich(_) | Value::List(_) => {}
            }
            field(&mut self.out, text, self.how);
        }
    }

    /// Ends a row; after the header, Markdown's line under it.
    fn end(&mut self) {
        if self.how == Esc::Csv {
            put(&mut self.out, "\r\n");
        } else {
            put(&mut self.out, " |\n");
            if self.width == 0 {
                put(&mut self.out, "|");
                for _ in 0..self.fields {
                    put(&mut self.out, " --- |");
                }
                put(&mut self.out, "\n");
            }
        }
        self.width = self.fields;
        self.fields = 0;
    }
}

/// `table` as a file in `format` and `langs`, crediting `url` (the link to what the reader is looking at).
///
/// CSV: the header row, a row per generation (or item), then one last record with the source credit in its first
/// field (the others empty, so every record has as many fields). Markdown: the table's caption as a heading, the
/// table, then the credit as a line under it.
pub fn table(table: Table, format: Format, langs: Langs, url: &str) -> File {
    let (langs, code) = langs_of(langs);
    let csv = format == Format::Csv;
    let mut rows = Rows {
        out: String::with_capacity(2048),
        text: String::with_capacity(128),
        langs,
        how: if csv { Esc::Csv } else { Esc::Markdown },
        fields: 0,
        width: 0,
    };
    // What the file is named after, its columns, and the aspects its cells show; a generation's own table has a
    // row per aspect (when the post gives it), the others a row per generation.
    let (part, columns, aspects) = match table {
        Table::Diagram => (
            "-diagram",
            &SITE.diagram_columns[..],
            &ASPECTS[DIAGRAM_ASPECTS],
        ),
        Table::Summary => (
            "-summary",
            &SITE.summary_columns[..],
            &ASPECTS[SUMMARY_ASPECTS],
        ),
        Table::Items(_) => ("-gen", &SITE.item_columns[..], &ASPECTS[ITEM_ASPECTS]),
    };
    let items = match table {
        Table::Items(id) => Some(id.generation()),
        _ => None,
    };
    if csv {
        rows.out.push('\u{feff}');
    } else {
        // The caption: the post's, or for a generation's table its label and section heading, as the post's
        // section starts ("3세대: 컨테이너 시대").
        let text = &mut rows.text;
        for (i, &lang) in langs.iter().enumerate() {
            if i > 0 {
                put(text, " / ");
            }
            match items {
                Some(g) => {
                    put(text, g.label.get(lang));
                    put(text, ": ");
                    put(text, g.heading.get(lang));
                }
                None if table == Table::Diagram => put(text, SITE.diagram_caption.get(lang)),
                None => put(text, SITE.summary_caption.get(lang)),
            }
        }
        put(&mut rows.out, "## ");
        esc(&mut rows.out, text, Esc::Markdown);
        put(&mut rows.out, "\n\n");
    }
    for &column in columns {
        rows.cell(Value::Text(column));
    }
    rows.end();
    if let Some(g) = items {
        for aspect in aspects {
            if let Some(value) = (aspect.value)(g) {
                rows.cell(Value::Text(aspect.name));
                rows.cell(value);
                rows.end();
            }
        }
    } else {
        for g in &GENERATIONS {
            rows.cell(Value::Text(g.label));
            for aspect in aspects {
                rows.cell((aspect.value)(g).unwrap_or(Value::Names(&[])));
            }
            rows.end();
        }
    }
    let credit = credit(langs, url, !csv);
    let mut out = rows.out;
    if csv {
        field(&mut out, &credit, Esc::Csv);
        for _ in 1..rows.width {
            out.push(',');
        }
        put(&mut out, "\r\n");
    } else {
        out.push('\n');
        put(&mut out, &credit);
        out.push('\n');
    }
    let mut name = String::from(STEM);
    put(&mut name, part);
    if let Some(g) = items {
        num(&mut name, u32::from(g.id.get()));
    }
    name.push('.');
    put(&mut name, code);
    put(&mut name, if csv { ".csv" } else { ".md" });
    File {
        name,
        mime: if csv {
            "text/csv;charset=utf-8"
        } else {
            "text/markdown;charset=utf-8"
        },
        body: out,
    }
}

/// `"key":` then a JSON string.
fn json_str(out: &mut String, key: &str, text: &str) {
    put(out, key);
    out.push('"');
    esc(out, text, Esc::Json);
    out.push('"');
}

/// `"key":` then runs of text in both languages, `{"ko":…,"en":…}`, each a string with `**` around the bold runs.
fn json_runs(out: &mut String, key: &str, ko: &[Run], en: &[Run]) {
    put(out, key);
    for (lang, runs) in [("{\"ko\":\"", ko), ("\",\"en\":\"", en)] {
        put(out, lang);
        for run in runs {
            let mark = if run.strong { "**" } else { "" };
            put(out, mark);
            esc(out, run.text, Esc::Json);
            put(out, mark);
        }
    }
    put(out, "\"}");
}

/// `"key":` then a text in both languages, `{"ko":…,"en":…}`; `null` for none.
fn json_text(out: &mut String, key: &str, text: Option<&Text>) {
    let Some(text) = text else {
        put(out, key);
        put(out, "null");
        return;
    };
    let plain = |text| Run {
        text,
        strong: false,
    };
    json_runs(out, key, &[plain(text.ko)], &[plain(text.en)]);
}

/// `"key":` then an array of texts in both languages.
fn json_texts(out: &mut String, key: &str, texts: &[Text]) {
    put(out, key);
    out.push('[');
    for (i, text) in texts.iter().enumerate() {
        json_text(out, if i > 0 { "," } else { "" }, Some(text));
    }
    out.push(']');
}

/// `"key":` then an array of names.
fn json_names(out: &mut String, key: &str, names: &[&str]) {
    put(out, key);
    out.push('[');
    for (i, name) in names.iter().enumerate() {
        json_str(out, if i > 0 { "," } else { "" }, name);
    }
    out.push(']');
}

/// The whole content as JSON, both languages, crediting `url`: `web-infra-evolution.json`.
///
/// `{"format":"web-infra-evolution","version":1,"source":{…},"site":{…},"generations":[…]}`; keys are the field
/// names of `crate::data`, a text in both languages is `{"ko":…,"en":…}`, and the overview marks its bold runs
/// with `**` as the post does. `docs/export.md` has the whole shape.
pub fn json(url: &str) -> File {
    let mut out = String::with_capacity(16384);
    json_str(&mut out, "{\"format\":", STEM);
    put(&mut out, ",\"version\":");
    num(&mut out, JSON_VERSION);
    json_text(&mut out, ",\n\"source\":{\"title\":", Some(&SITE.title));
    json_str(&mut out, ",\"date\":", SITE.date);
    put(&mut out, ",\"url\":\"");
    esc(&mut out, url, Esc::Url);
    let s = &SITE;
    json_text(&mut out, "\"},\n\"site\":{\"heading\":", Some(&s.heading));
    json_texts(&mut out, ",\"rows\":", &s.rows);
    json_text(&mut out, ",\"diagram_caption\":", Some(&s.diagram_caption));
    json_texts(&mut out, ",\"diagram_columns\":", &s.diagram_columns);
    json_text(&mut out, ",\"summary_caption\":", Some(&s.summary_caption));
    json_texts(&mut out, ",\"summary_columns\":", &s.summary_columns);
    json_text(&mut out, ",\"overview\":", Some(&s.overview));
    json_text(&mut out, ",\"features\":", Some(&s.features));
    json_texts(&mut out, ",\"item_columns\":", &s.item_columns);
    json_text(&mut out, ",\"pros\":", Some(&s.pros));
    json_text(&mut out, ",\"cons\":", Some(&s.cons));
    json_text(&mut out, ",\"technologies\":", Some(&s.technologies));
    put(&mut out, "},\n\"generations\":[");
    for g in &GENERATIONS {
        put(
            &mut out,
            if g.id.get() > 1 {
                ",\n{\"id\":"
            } else {
                "\n{\"id\":"
            },
        );
        num(&mut out, u32::from(g.id.get()));
        json_str(&mut out, ",\"emoji\":", g.emoji);
        json_text(&mut out, ",\"label\":", Some(&g.label));
        json_text(&mut out, ",\"node_title\":", Some(&g.node_title));
        json_text(&mut out, ",\"node_subtitle\":", Some(&g.node_subtitle));
        json_str(&mut out, ",\"fill\":", g.fill);
        json_str(&mut out, ",\"stroke\":", g.stroke);
        json_text(&mut out, ",\"heading\":", Some(&g.heading));
        json_str(&mut out, ",\"english_name\":", g.english_name);
        json_runs(&mut out, ",\"overview\":", g.overview.ko, g.overview.en);
        json_texts(&mut out, ",\"features\":", g.features);
        json_text(&mut out, ",\"pros\":", Some(&g.pros));
        json_text(&mut out, ",\"cons\":", g.cons.as_ref());
        json_names(&mut out, ",\"technologies\":", g.technologies);
        json_text(
            &mut out,
            ",\"diagram\":{\"concept\":",
            Some(&g.diagram.concept),
        );
        json_names(&mut out, ",\"technologies\":", g.diagram.technologies);
        json_text(
            &mut out,
            "},\"summary\":{\"paradigm\":",
            Some(&g.summary.paradigm),
        );
        json_names(&mut out, ",\"technologies\":", g.summary.technologies);
        json_text(&mut out, ",\"benefit\":", Some(&g.summary.benefit));
        put(&mut out, "}}");
    }
    put(&mut out, "\n]}\n");
    File {
        name: String::from("web-infra-evolution.json"),
        mime: "application/json",
        body: out,
    }
}

/// Writes `template`, each `\u{1}` in it replaced by the next of `nums` and each `\u{2}` by the next of `texts`,
/// escaped for `how`.
fn fill(out: &mut String, template: &str, nums: &[u32], texts: &[&str], how: Esc) {
    let (mut nums, mut texts) = (nums.iter(), texts.iter());
    for c in template.chars() {
        match c {
            '\u{1}' => num(out, nums.next().copied().unwrap_or_default()),
            '\u{2}' => esc(out, texts.next().copied().unwrap_or_default(), how),
            c => out.push(c),
        }
    }
}

/// How wide `text` may be drawn at `size` px, for the widest fallback font: Hangul, CJK, emoji and anything else
/// not ASCII 1 em, ASCII 0.62 em (wider than the average letter of any common sans-serif).
fn text_width(text: &str, size: u32) -> u32 {
    let hundredths: u32 = text
        .chars()
        .map(|c| if c.is_ascii() { 62 } else { 100 })
        .sum();
    (hundredths * size).div_ceil(100)
}

/// An arrow from `x y` along `direction` (`H` across, `V` down) to `to`: `[x, y, to]`.
fn arrow(out: &mut String, [x, y, to]: [u32; 3], direction: &str) {
    fill(
        out,
        "<path d=\"M\u{1} \u{1}\u{2}\u{1}\" fill=\"none\" stroke=\"#555\" stroke-width=\"2\" marker-end=\"url(#arrow)\"/>\n",
        &[x, y, to],
        &[direction],
        Esc::Xml,
    );
}

// The diagram's measures, in px.
/// Around everything.
const MARGIN: u32 = 16;
/// A node's height; its ends are round (the post's stadium shape), so the radius is half of it.
const NODE_HEIGHT: u32 = 84;
/// Between a node's widest line and its side, room for the round end.
const NODE_PAD: u32 = 28;
/// Between two nodes of a row: an arrow.
const NODE_GAP: u32 = 56;
/// Inside a row's box: above the nodes (the row's name) and around them.
const ROW_TOP: u32 = 36;
const ROW_PAD: u32 = 20;
/// Between the two rows' boxes: an arrow.
const ROW_GAP: u32 = 48;
/// The text sizes: a node's first two lines, its subtitle, the credit.
const LINE_SIZE: u32 = 16;
const SUBTITLE_SIZE: u32 = 12;
const CREDIT_SIZE: u32 = 11;

/// The post's flowchart as a standalone SVG in `lang`, crediting `url`: `web-infra-evolution-diagram.ko.svg`.
///
/// Two rows of three nodes (emoji and label, title, subtitle) in the post's colours, arrows from node to node in a
/// row and from the first row to the second, as the post's flowchart. Text is SVG text in fonts of the reader's
/// system, the boxes sized for the widest of them; `<title>` is the post's title, `<desc>` and a small line at
/// the bottom the source credit.
pub fn diagram(lang: Lang, url: &str) -> File {
    let credit = credit(&[lang], url, false);
    let node_width = GENERATIONS
        .iter()
        .map(|g| {
            (text_width(g.emoji, LINE_SIZE)
                + text_width(" ", LINE_SIZE)
                + text_width(g.label.get(lang), LINE_SIZE))
            .max(text_width(g.node_title.get(lang), LINE_SIZE))
            .max(text_width(g.node_subtitle.get(lang), SUBTITLE_SIZE))
        })
        .max()
        .unwrap_or_default()
        .div_ceil(2)
        * 2
        + 2 * NODE_PAD;
    let row_width = 2 * ROW_PAD + 3 * node_width + 2 * NODE_GAP;
    let row_height = ROW_TOP + NODE_HEIGHT + ROW_PAD;
    let width = row_width.max(text_width(&credit, CREDIT_SIZE)) + 2 * MARGIN;
    let height = 2 * MARGIN + 2 * row_height + ROW_GAP + 2 * CREDIT_SIZE;
    let mut out = String::with_capacity(8192);
    fill(
        &mut out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xml:lang=\"\u{2}\" width=\"\u{1}\" height=\"\u{1}\" \
         viewBox=\"0 0 \u{1} \u{1}\" font-family=\"system-ui,sans-serif\" font-size=\"\u{1}\">\n\
         <title>\u{2}</title>\n<desc>\u{2}</desc>\n<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" \
         refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\"><path d=\"M0 0L10 5L0 10z\" fill=\"#555\"/>\
         </marker></defs>\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n",
        &[width, height, width, height, LINE_SIZE],
        &[lang.code(), SITE.title.get(lang), &credit],
        Esc::Xml,
    );
    // Where a row's box and a node's box start.
    let row_top = |row: u32| MARGIN + row * (row_height + ROW_GAP);
    let node_left = |col: u32| MARGIN + ROW_PAD + col * (node_width + NODE_GAP);
    for (row, gens) in (0..).zip(GENERATIONS.chunks(3)) {
        let top = row_top(row);
        fill(
            &mut out,
            "<rect x=\"\u{1}\" y=\"\u{1}\" width=\"\u{1}\" height=\"\u{1}\" rx=\"8\" fill=\"#f7f7f7\" stroke=\"#bbb\"/>\n\
             <text x=\"\u{1}\" y=\"\u{1}\" font-size=\"14\" fill=\"#555\">\u{2}</text>\n",
            &[MARGIN, top, row_width, row_height, MARGIN + 12, top + 24],
            &[SITE.rows[row as usize].get(lang)],
            Esc::Xml,
        );
        let y = top + ROW_TOP;
        for (col, g) in (0..).zip(gens) {
            let left = node_left(col);
            fill(
                &mut out,
                "<g transform=\"translate(\u{1} \u{1})\" text-anchor=\"middle\" fill=\"#222\">\
                 <rect x=\"-\u{1}\" width=\"\u{1}\" height=\"\u{1}\" rx=\"\u{1}\" fill=\"\u{2}\" stroke=\"\u{2}\" \
                 stroke-width=\"2\"/><text y=\"26\">\u{2} \u{2}</text><text y=\"50\" font-weight=\"bold\">\u{2}</text>\
                 <text y=\"70\" font-size=\"\u{1}\">\u{2}</text></g>\n",
                &[
                    left + node_width / 2,
                    y,
                    node_width / 2,
                    node_width,
                    NODE_HEIGHT,
                    NODE_HEIGHT / 2,
                    SUBTITLE_SIZE,
                ],
                &[
                    g.fill,
                    g.stroke,
                    g.emoji,
                    g.label.get(lang),
                    g.node_title.get(lang),
                    g.node_subtitle.get(lang),
                ],
                Esc::Xml,
            );
            if col > 0 {
                arrow(
                    &mut out,
                    [left - NODE_GAP + 4, y + NODE_HEIGHT / 2, left - 4],
                    "H",
                );
            }
        }
    }
    // The first row leads to the second: from box to box, as the post's `상단 --> 하단`.
    arrow(
        &mut out,
        [MARGIN + row_width / 2, row_top(0) + row_height, row_top(1)],
        "V",
    );
    fill(
        &mut out,
        "<text x=\"\u{1}\" y=\"\u{1}\" font-size=\"\u{1}\" fill=\"#555\">\u{2}</text>\n</svg>\n",
        &[MARGIN, height - MARGIN - CREDIT_SIZE / 2, CREDIT_SIZE],
        &[&credit],
        Esc::Xml,
    );
    let mut name = String::from(STEM);
    put(&mut name, "-diagram.");
    put(&mut name, lang.code());
    put(&mut name, ".svg");
    File {
        name,
        mime: "image/svg+xml",
        body: out,
    }
}

/// English month names, for citations.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// An ISO date's year, month (1 to 12) and day without its leading zero; `None` unless `YYYY-MM-DD`.
fn ymd(iso: &str) -> Option<(&str, u32, &str)> {
    let b = iso.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, &c)| {
            if i == 4 || i == 7 {
                c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape {
        return None;
    }
    let month = u32::from(b[5] - b'0') * 10 + u32::from(b[6] - b'0');
    let day = if b[8] == b'0' { 9 } else { 8 };
    (1..=12)
        .contains(&month)
        .then_some((iso.get(..4)?, month, iso.get(day..)?))
}

/// `iso` as a citation writes a date: "October 17, 2025" ("2025, October 17" with `year_first`, APA's order for
/// a page's own date) / "2025년 10월 17일"; as given if it is no `YYYY-MM-DD` date.
fn date(out: &mut String, lang: Lang, iso: &str, year_first: bool) {
    let Some((year, month, day)) = ymd(iso) else {
        put(out, iso);
        return;
    };
    let name = MONTHS[month as usize - 1];
    let (template, parts) = match (lang, year_first) {
        (Lang::Ko, _) => ("\u{2}년 \u{1}월 \u{2}일", [year, day, ""]),
        (Lang::En, true) => ("\u{2}, \u{2} \u{2}", [year, name, day]),
        (Lang::En, false) => ("\u{2} \u{2}, \u{2}", [name, day, year]),
    };
    fill(out, template, &[month], &parts, Esc::Plain);
}

/// The citation the "Cite" button copies, APA-like, in `lang`: the post gives no author, so its title leads.
/// `url` is the link to what the reader is looking at, `accessed` the day (`YYYY-MM-DD`).
///
/// "Web Infrastructure Evolution. (2025, October 17). Retrieved November 30, 2025, from https://…" /
/// "웹 인프라 진화. (2025년 10월 17일). 2025년 11월 30일 검색, https://…"
pub fn citation(lang: Lang, url: &str, accessed: &str) -> String {
    let en = lang == Lang::En;
    let mut out = String::with_capacity(256);
    put(&mut out, SITE.title.get(lang));
    put(&mut out, ". (");
    date(&mut out, lang, SITE.date, true);
    put(&mut out, if en { "). Retrieved " } else { "). " });
    date(&mut out, lang, accessed, false);
    put(&mut out, if en { ", from " } else { " 검색, " });
    esc(&mut out, url, Esc::Url);
    out
}

/// The citation as a BibTeX entry (`@misc`), for reference managers: the post's title with its English translation
/// in brackets, the post's year and date, `url` and `urldate` (`accessed`, `YYYY-MM-DD`). No author: the post gives
/// none.
pub fn bibtex(url: &str, accessed: &str) -> String {
    let mut out = String::with_capacity(256);
    put(&mut out, "@misc{");
    put(&mut out, STEM);
    put(&mut out, ",\n  title = {");
    put(&mut out, SITE.title.ko);
    put(&mut out, " [");
    put(&mut out, SITE.title.en);
    put(&mut out, "]},\n");
    // BibTeX reads the year, biblatex the whole date.
    put(&mut out, "  year = {");
    put(&mut out, SITE.date.get(..4).unwrap_or(SITE.date));
    put(&mut out, "},\n  date = {");
    put(&mut out, SITE.date);
    put(&mut out, "},\n  url = {");
    esc(&mut out, url, Esc::Url);
    put(&mut out, "},\n  urldate = {");
    // Made safe like a URL: a brace would end the field.
    esc(&mut out, accessed, Esc::Url);
    put(&mut out, "}\n}\n");
    out
}

/// The files an export button (`data-action="export-summary-csv"`, …) asks for, in `langs`; the diagram in `lang`
/// (a picture has one language); each generation's 항목/내용 table for the generation `shown` (all six from the
/// overview). Nothing for an action that is not an export.
pub fn files(
    action: &str,
    lang: Lang,
    langs: Langs,
    shown: Option<GenerationId>,
    url: &str,
) -> Vec<File> {
    let Some(what) = action.strip_prefix("export-") else {
        return Vec::new();
    };
    let (name, format) = match what.rsplit_once('-') {
        Some((name, "md")) => (name, Format::Markdown),
        Some((name, _)) => (name, Format::Csv),
        None => (what, Format::Csv),
    };
    match name {
        "summary" => vec![table(Table::Summary, format, langs, url)],
        "diagram" => vec![table(Table::Diagram, format, langs, url)],
        "items" => shown
            .map_or_else(|| GenerationId::all().collect(), |id| vec![id])
            .into_iter()
            .map(|id| table(Table::Items(id), format, langs, url))
            .collect(),
        "json" => vec![json(url)],
        "svg" => vec![diagram(lang, url)],
        _ => Vec::new(),
    }
}

/// The export in the browser. It is not part of the app's wasm: `src/bin/tools.rs` builds it into a second one,
/// which the page fetches the first time a reader exports (`crate::actions` asks for it), so the writers above
/// cost the first load nothing.
#[cfg(target_arch = "wasm32")]
pub mod browser {
    use leptos::prelude::{document, set_timeout, window};
    use wasm_bindgen::{JsCast, JsValue};

    use super::{File, Langs, files};
    use crate::data::{GenerationId, Lang};
    use crate::strings;

    /// Makes and downloads the files of the export button `action`, for a reader of `lang` (`ko`, `en`) looking
    /// at generation `shown` (0: the overview, or a view of no generation); says so in the tools' status line.
    pub fn run(action: &str, lang: &str, shown: u8) {
        let lang = Lang::from_code(lang).unwrap_or_default();
        let both = document()
            .get_element_by_id("export-both")
            .and_then(|b| b.dyn_into::<web_sys::HtmlInputElement>().ok())
            .is_some_and(|b| b.checked());
        let langs = if both { Langs::Both } else { Langs::One(lang) };
        let url = window().location().href().unwrap_or_default();
        let made = files(action, lang, langs, GenerationId::new(shown), &url);
        for file in &made {
            download(file);
        }
        if !made.is_empty() {
            crate::actions::say(strings::DOWNLOADED, lang);
        }
    }

    /// Downloads `file` from a Blob (revoked once the download has had time to start).
    fn download(file: &File) {
        let parts = js_sys::Array::of1(&JsValue::from_str(&file.body));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(file.mime);
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
            return;
        };
        let Ok(href) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return;
        };
        if let Some(link) = document()
            .create_element("a")
            .ok()
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        {
            link.set_href(&href);
            link.set_download(&file.name);
            link.click();
        }
        set_timeout(
            move || {
                let _ = web_sys::Url::revoke_object_url(&href);
            },
            std::time::Duration::from_secs(30),
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::compare::Aspect;
    use crate::data::{DiagramRow, Generation, Site, SummaryRow};
    use serde_json::{Value, json};

    const URL: &str = "https://example.org/web-infra/#/gen/3?lang=en&q=a%20b";

    fn ids() -> impl Iterator<Item = GenerationId> {
        GenerationId::all()
    }

    /// Every table, in every format and choice of languages.
    fn tables() -> Vec<(Table, Format, Langs)> {
        let mut all = Vec::new();
        for table in [Table::Diagram, Table::Summary]
            .into_iter()
            .chain(ids().map(Table::Items))
        {
            for format in [Format::Csv, Format::Markdown] {
                for langs in [Langs::One(Lang::Ko), Langs::One(Lang::En), Langs::Both] {
                    all.push((table, format, langs));
                }
            }
        }
        all
    }

    fn lang_list(langs: Langs) -> Vec<Lang> {
        match langs {
            Langs::One(lang) => vec![lang],
            Langs::Both => vec![Lang::Ko, Lang::En],
        }
    }

    /// What a table holds, from the content, written out here independently of the writer: the header and the
    /// rows, in one language each, technology names joined as the post joins them.
    fn expected(table: Table, lang: Lang) -> Vec<Vec<String>> {
        let t = |text: Text| text.get(lang).to_owned();
        let names = |names: &[&str]| names.join(", ");
        let row = |columns: &[Text]| columns.iter().map(|&c| t(c)).collect::<Vec<_>>();
        match table {
            Table::Diagram => std::iter::once(row(&SITE.diagram_columns))
                .chain(GENERATIONS.iter().map(|g| {
                    vec![
                        t(g.label),
                        t(g.diagram.concept),
                        names(g.diagram.technologies),
                    ]
                }))
                .collect(),
            Table::Summary => std::iter::once(row(&SITE.summary_columns))
                .chain(GENERATIONS.iter().map(|g| {
                    vec![
                        t(g.label),
                        t(g.summary.paradigm),
                        names(g.summary.technologies),
                        t(g.summary.benefit),
                    ]
                }))
                .collect(),
            Table::Items(id) => {
                let g: &Generation = id.generation();
                let mut rows = vec![row(&SITE.item_columns), vec![t(SITE.pros), t(g.pros)]];
                if let Some(cons) = g.cons {
                    rows.push(vec![t(SITE.cons), t(cons)]);
                }
                if !g.technologies.is_empty() {
                    rows.push(vec![t(SITE.technologies), names(g.technologies)]);
                }
                rows
            }
        }
    }

    /// The rows in `langs`: each column once per language, side by side.
    fn expected_in(table: Table, langs: Langs) -> Vec<Vec<String>> {
        let per_lang: Vec<Vec<Vec<String>>> = lang_list(langs)
            .into_iter()
            .map(|lang| expected(table, lang))
            .collect();
        (0..per_lang[0].len())
            .map(|r| {
                (0..per_lang[0][r].len())
                    .flat_map(|c| per_lang.iter().map(move |rows| rows[r][c].clone()))
                    .collect()
            })
            .collect()
    }

    /// The credit as it reads in `langs`, the URL as given.
    fn expected_credit(langs: Langs, url: &str) -> String {
        let both = |t: Text| {
            lang_list(langs)
                .into_iter()
                .map(|l| t.get(l))
                .collect::<Vec<_>>()
                .join(" / ")
        };
        format!("{}: {}, 2025-10-17, {url}", both(SOURCE), both(SITE.title))
    }

    fn csv_field(text: &str) -> String {
        let mut out = String::new();
        field(&mut out, text, Esc::Csv);
        out
    }

    fn read_csv(body: &str) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(body.as_bytes())
            .records()
            .map(|r| {
                r.expect("a valid CSV record")
                    .iter()
                    .map(str::to_owned)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_tables_show_the_aspects_of_the_post_s_tables() {
        let names = |aspects: &[Aspect]| aspects.iter().map(|a| a.name).collect::<Vec<_>>();
        assert_eq!(names(&ASPECTS[DIAGRAM_ASPECTS]), SITE.diagram_columns[1..]);
        assert_eq!(names(&ASPECTS[SUMMARY_ASPECTS]), SITE.summary_columns[1..]);
        assert_eq!(
            names(&ASPECTS[ITEM_ASPECTS]),
            [SITE.pros, SITE.cons, SITE.technologies]
        );
    }

    #[test]
    fn csv_fields_are_quoted_when_they_must_be() {
        for (text, field) in [
            ("plain", "plain"),
            ("", ""),
            ("서버리스 & 마이크로서비스", "서버리스 & 마이크로서비스"),
            ("Apache, PHP", "\"Apache, PHP\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("\"", "\"\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("cr\r\nlf", "\"cr\r\nlf\""),
            ("a, \"b\"\n", "\"a, \"\"b\"\"\n\""),
        ] {
            assert_eq!(csv_field(text), field, "{text:?}");
            // And a CSV reader reads the field back as it was.
            let record = read_csv(&format!("{field},x\r\n"));
            assert_eq!(record, vec![vec![text.to_owned(), "x".to_owned()]]);
        }
    }

    #[test]
    fn csv_tables_read_back_as_the_content_then_the_credit() {
        for (table, format, langs) in tables() {
            if format != Format::Csv {
                continue;
            }
            let file = super::table(table, format, langs, URL);
            let body = file
                .body
                .strip_prefix('\u{feff}')
                .expect("a byte order mark first");
            assert!(!body.starts_with('\u{feff}'));
            // CRLF after every record, nothing else: the content has no line breaks of its own.
            assert!(body.ends_with("\r\n"));
            assert_eq!(body.matches('\n').count(), body.matches("\r\n").count());
            let mut want = expected_in(table, langs);
            let width = want[0].len();
            let mut credit = vec![String::new(); width];
            credit[0] = expected_credit(langs, URL);
            want.push(credit);
            // The reader is strict: every record has as many fields.
            assert_eq!(read_csv(body), want, "{}", file.name);
            assert_eq!(body.lines().count(), want.len(), "{}", file.name);
        }
    }

    /// The cells of a Markdown table row as GitHub splits them (at a `|` not escaped), unescaped.
    fn md_cells(line: &str) -> Vec<String> {
        let inner = line
            .strip_prefix("| ")
            .and_then(|l| l.strip_suffix(" |"))
            .unwrap_or_else(|| panic!("not a table row: {line:?}"));
        let mut cells = vec![String::new()];
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => cells
                    .last_mut()
                    .expect("a cell")
                    .push(chars.next().expect("an escaped char")),
                '|' => cells.push(String::new()),
                c => cells.last_mut().expect("a cell").push(c),
            }
        }
        cells
            .into_iter()
            .map(|c| c.trim().replace("<br>", "\n"))
            .collect()
    }

    #[test]
    fn markdown_escapes_what_would_be_markup() {
        let text = "a|b\\c*d_e`f<g>h\ni\rj";
        let mut out = String::new();
        esc(&mut out, text, Esc::Markdown);
        assert_eq!(out, "a\\|b\\\\c\\*d\\_e\\`f\\<g>h<br>ij");
        // In a row, the escaped pipe stays within its cell.
        let row = format!("| {out} | x |");
        assert_eq!(md_cells(&row), vec!["a|b\\c*d_e`f<g>h\nij", "x"]);
    }

    #[test]
    fn markdown_tables_read_back_as_the_content_then_the_credit() {
        for (table, format, langs) in tables() {
            if format != Format::Markdown {
                continue;
            }
            let file = super::table(table, format, langs, URL);
            let lines: Vec<&str> = file.body.lines().collect();
            let want = expected_in(table, langs);
            let caption = match table {
                Table::Diagram => expected_credit_text(SITE.diagram_caption, langs),
                Table::Summary => expected_credit_text(SITE.summary_caption, langs),
                Table::Items(id) => {
                    let g = id.generation();
                    lang_list(langs)
                        .into_iter()
                        .map(|l| format!("{}: {}", g.label.get(l), g.heading.get(l)))
                        .collect::<Vec<_>>()
                        .join(" / ")
                }
            };
            assert_eq!(lines[0], format!("## {caption}"), "{}", file.name);
            assert_eq!(lines[1], "");
            assert_eq!(md_cells(lines[2]), want[0], "{}", file.name);
            assert_eq!(lines[3], format!("|{}", " --- |".repeat(want[0].len())));
            let rows: Vec<Vec<String>> = lines[4..4 + want.len() - 1]
                .iter()
                .map(|l| md_cells(l))
                .collect();
            assert_eq!(rows, want[1..], "{}", file.name);
            // A blank line ends the table; the credit follows, the URL as an autolink.
            assert_eq!(lines[3 + want.len()], "");
            assert_eq!(
                lines[4 + want.len()],
                expected_credit(langs, &format!("<{URL}>")),
                "{}",
                file.name
            );
            assert_eq!(lines.len(), 5 + want.len(), "{}", file.name);
        }
    }

    /// A text in both languages as the JSON should hold it.
    fn json_of(text: Text) -> Value {
        json!({ "ko": text.ko, "en": text.en })
    }

    fn json_of_all(texts: &[Text]) -> Value {
        texts.iter().map(|&t| json_of(t)).collect()
    }

    /// A string of the JSON's overview read back as runs: `**` opens and closes bold.
    fn runs_of(markdown: &str) -> Vec<Run> {
        markdown
            .split("**")
            .enumerate()
            .filter(|(_, text)| !text.is_empty())
            .map(|(i, text)| Run {
                text: Box::leak(text.to_owned().into_boxed_str()),
                strong: i % 2 == 1,
            })
            .collect()
    }

    #[test]
    fn json_reads_back_as_the_content() {
        let file = json(URL);
        let v: Value = serde_json::from_str(&file.body).expect("valid JSON");
        assert_eq!(v["format"], "web-infra-evolution");
        assert_eq!(v["version"], JSON_VERSION);
        assert_eq!(
            v["source"],
            json!({ "title": json_of(SITE.title), "date": "2025-10-17", "url": URL })
        );
        // Every field, and nothing else: a field added to the content does not compile here until it is listed.
        let Site {
            title: _,
            date: _,
            heading,
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
        } = &SITE;
        assert_eq!(
            v["site"],
            json!({
                "heading": json_of(*heading),
                "rows": json_of_all(rows),
                "diagram_caption": json_of(*diagram_caption),
                "diagram_columns": json_of_all(diagram_columns),
                "summary_caption": json_of(*summary_caption),
                "summary_columns": json_of_all(summary_columns),
                "overview": json_of(*overview),
                "features": json_of(*features),
                "item_columns": json_of_all(item_columns),
                "pros": json_of(*pros),
                "cons": json_of(*cons),
                "technologies": json_of(*technologies),
            })
        );
        let generations = v["generations"].as_array().expect("an array");
        assert_eq!(generations.len(), GENERATIONS.len());
        for (g, v) in GENERATIONS.iter().zip(generations) {
            let Generation {
                id,
                emoji,
                label,
                node_title,
                node_subtitle,
                fill,
                stroke,
                heading,
                english_name,
                overview,
                features,
                pros,
                cons,
                technologies,
                diagram:
                    DiagramRow {
                        concept,
                        technologies: diagram_technologies,
                    },
                summary:
                    SummaryRow {
                        paradigm,
                        technologies: summary_technologies,
                        benefit,
                    },
            } = g;
            for lang in Lang::ALL {
                let markdown = v["overview"][lang.code()].as_str().expect("a string");
                assert_eq!(runs_of(markdown), overview.get(lang), "{markdown}");
            }
            let mut v = v.clone();
            v["overview"] = Value::Null;
            assert_eq!(
                v,
                json!({
                    "id": id.get(),
                    "emoji": emoji,
                    "label": json_of(*label),
                    "node_title": json_of(*node_title),
                    "node_subtitle": json_of(*node_subtitle),
                    "fill": fill,
                    "stroke": stroke,
                    "heading": json_of(*heading),
                    "english_name": english_name,
                    "overview": null,
                    "features": json_of_all(features),
                    "pros": json_of(*pros),
                    "cons": cons.map(json_of),
                    "technologies": technologies,
                    "diagram": { "concept": json_of(*concept), "technologies": diagram_technologies },
                    "summary": {
                        "paradigm": json_of(*paradigm),
                        "technologies": summary_technologies,
                        "benefit": json_of(*benefit),
                    },
                })
            );
        }
        // Only generation 1 has 단점.
        assert!(generations[0]["cons"].is_object() && generations[1]["cons"].is_null());
    }

    #[test]
    fn json_strings_escape_quotes_backslashes_and_control_characters() {
        for text in [
            "plain",
            "\"quoted\" and \\ back",
            "line\nbreak\ttab\r\u{1}\u{1f}\u{7f}",
            "에지 & 분산형 🌍 </script>",
        ] {
            let mut out = String::new();
            json_str(&mut out, "", text);
            assert_eq!(
                serde_json::from_str::<String>(&out).expect("a JSON string"),
                text
            );
            assert!(!out.contains('\n') && !out.contains('\u{1}'), "{out}");
        }
    }

    #[test]
    fn xml_text_is_escaped_and_control_characters_dropped() {
        let mut out = String::new();
        esc(&mut out, "<a href=\"x\">&amp;</a>\u{1}'", Esc::Xml);
        assert_eq!(out, "&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;'");
    }

    /// The value of `name` on `node` or the nearest ancestor that has it.
    fn inherited<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> Option<&'a str> {
        node.ancestors().find_map(|n| n.attribute(name))
    }

    fn number(node: roxmltree::Node, name: &str) -> i32 {
        node.attribute(name)
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{name} on {node:?}"))
    }

    /// The numbers in a path's `d` or a `translate(…)`.
    fn numbers(text: &str) -> Vec<i32> {
        text.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
            .filter(|n| !n.is_empty())
            .map(|n| n.parse().expect("a number"))
            .collect()
    }

    /// How wide `text` can be at `size` px in any font the reader may have: 1 em for anything not ASCII (Hangul,
    /// emoji), 0.62 em for ASCII.
    fn widest(text: &str, size: f64) -> f64 {
        text.chars()
            .map(|c| if c.is_ascii() { 0.62 } else { 1.0 })
            .sum::<f64>()
            * size
    }

    /// A node of the diagram: its box (left, top, width, height), fill, stroke, and its lines with their sizes.
    struct Node {
        left: i32,
        top: i32,
        width: i32,
        height: i32,
        fill: String,
        stroke: String,
        lines: Vec<(String, f64)>,
    }

    fn nodes(doc: &roxmltree::Document) -> Vec<Node> {
        doc.descendants()
            .filter(|n| n.has_tag_name("g") && n.attribute("transform").is_some())
            .map(|g| {
                let at = numbers(g.attribute("transform").unwrap_or_default());
                let rect = g
                    .children()
                    .find(|n| n.has_tag_name("rect"))
                    .expect("a box");
                let width = number(rect, "width");
                Node {
                    left: at[0] + number(rect, "x"),
                    top: at[1] + rect.attribute("y").map_or(0, |_| number(rect, "y")),
                    width,
                    height: number(rect, "height"),
                    fill: rect.attribute("fill").unwrap_or_default().to_owned(),
                    stroke: rect.attribute("stroke").unwrap_or_default().to_owned(),
                    lines: g
                        .children()
                        .filter(|n| n.has_tag_name("text"))
                        .map(|t| {
                            let size = inherited(t, "font-size")
                                .and_then(|s| s.parse().ok())
                                .expect("a font size");
                            (t.text().unwrap_or_default().to_owned(), size)
                        })
                        .collect(),
                }
            })
            .collect()
    }

    #[test]
    fn the_diagram_is_valid_svg_with_every_node_in_its_colours() {
        for lang in Lang::ALL {
            let file = diagram(lang, URL);
            let doc = roxmltree::Document::parse(&file.body).expect("valid XML");
            let svg = doc.root_element();
            assert_eq!(
                svg.tag_name().namespace(),
                Some("http://www.w3.org/2000/svg")
            );
            assert_eq!(svg.tag_name().name(), "svg");
            let view_box = numbers(svg.attribute("viewBox").expect("a viewBox"));
            assert_eq!(view_box[..2], [0, 0]);
            assert_eq!([number(svg, "width"), number(svg, "height")], view_box[2..]);
            let child = |name: &str| {
                svg.children()
                    .find(|n| n.has_tag_name(name))
                    .and_then(|n| n.text())
                    .unwrap_or_else(|| panic!("no <{name}>"))
            };
            assert_eq!(child("title"), SITE.title.get(lang));
            let credit = expected_credit(Langs::One(lang), URL);
            assert_eq!(child("desc"), credit);
            let texts: Vec<&str> = doc
                .descendants()
                .filter(|n| n.has_tag_name("text"))
                .filter_map(|n| n.text())
                .collect();
            assert!(texts.contains(&credit.as_str()), "the visible credit");
            for row in SITE.rows {
                assert!(texts.contains(&row.get(lang)), "{}", row.get(lang));
            }
            // Self-contained: no foreign content, links, images or scripts; `url(…)` only to its own marker.
            for n in doc.descendants().filter(roxmltree::Node::is_element) {
                let name = n.tag_name().name();
                assert!(
                    [
                        "svg", "title", "desc", "defs", "marker", "path", "rect", "text", "g"
                    ]
                    .contains(&name),
                    "<{name}>"
                );
                for a in n.attributes() {
                    assert!(!a.name().contains("href"), "{a:?}");
                    if a.value().contains("url(") {
                        assert_eq!(a.value(), "url(#arrow)");
                    }
                }
            }
            assert!(
                doc.descendants()
                    .any(|n| n.has_tag_name("marker") && n.attribute("id") == Some("arrow"))
            );
            let nodes = nodes(&doc);
            assert_eq!(nodes.len(), GENERATIONS.len());
            for (g, node) in GENERATIONS.iter().zip(&nodes) {
                assert_eq!(
                    (node.fill.as_str(), node.stroke.as_str()),
                    (g.fill, g.stroke)
                );
                let lines: Vec<&str> = node.lines.iter().map(|(t, _)| t.as_str()).collect();
                let first = format!("{} {}", g.emoji, g.label.get(lang));
                assert_eq!(
                    lines,
                    [
                        first.as_str(),
                        g.node_title.get(lang),
                        g.node_subtitle.get(lang)
                    ]
                );
            }
        }
    }

    #[test]
    fn the_diagram_has_room_for_its_text_and_arrows_between_the_nodes() {
        for lang in Lang::ALL {
            let file = diagram(lang, URL);
            let doc = roxmltree::Document::parse(&file.body).expect("valid XML");
            let svg = doc.root_element();
            let (width, height) = (number(svg, "width"), number(svg, "height"));
            let nodes = nodes(&doc);
            for node in &nodes {
                // The ends are round: a line stays clear of them by a margin.
                for (text, size) in &node.lines {
                    assert!(
                        widest(text, *size) + 2.0 * 14.0 <= f64::from(node.width),
                        "{text:?} at {size} px in {} px",
                        node.width
                    );
                }
                assert!(node.left > 0 && node.left + node.width < width);
                assert!(node.top > 0 && node.top + node.height < height);
            }
            let credit = doc
                .descendants()
                .find(|n| {
                    n.has_tag_name("text")
                        && n.text() == Some(&expected_credit(Langs::One(lang), URL))
                })
                .expect("the credit");
            let size = inherited(credit, "font-size")
                .and_then(|s| s.parse().ok())
                .expect("a size");
            assert!(
                f64::from(number(credit, "x")) + widest(credit.text().unwrap_or_default(), size)
                    <= f64::from(width)
            );
            // Rows of three, left to right, not overlapping; the second row below the first.
            for row in nodes.chunks(3) {
                for pair in row.windows(2) {
                    assert_eq!(pair[0].top, pair[1].top);
                    assert!(pair[0].left + pair[0].width < pair[1].left);
                }
            }
            assert!(nodes[0].top + nodes[0].height < nodes[3].top);
            // An arrow from each node to the next in its row, then one from the first row down to the second.
            let arrows: Vec<Vec<i32>> = doc
                .descendants()
                .filter(|n| {
                    n.has_tag_name("path") && inherited(*n, "marker-end") == Some("url(#arrow)")
                })
                .map(|n| numbers(n.attribute("d").unwrap_or_default()))
                .collect();
            assert_eq!(arrows.len(), 5);
            let pairs = [(0, 1), (1, 2), (3, 4), (4, 5)];
            for (arrow, (from, to)) in arrows.iter().zip(pairs) {
                let (a, b) = (&nodes[from], &nodes[to]);
                let [x1, y, x2] = arrow[..] else {
                    panic!("{arrow:?}")
                };
                assert!(
                    a.left + a.width <= x1 && x1 < x2 && x2 <= b.left,
                    "{arrow:?}"
                );
                assert_eq!(y, a.top + a.height / 2);
            }
            let [x, y1, y2] = arrows[4][..] else {
                panic!("{:?}", arrows[4])
            };
            assert!(nodes[0].left < x && x < nodes[2].left + nodes[2].width);
            assert!(nodes[0].top + nodes[0].height < y1 && y1 < y2 && y2 < nodes[3].top);
        }
    }

    /// Every file, for a URL.
    fn every_file(url: &str) -> Vec<File> {
        let mut files: Vec<File> = tables()
            .into_iter()
            .map(|(t, f, l)| table(t, f, l, url))
            .collect();
        files.push(json(url));
        files.extend(Lang::ALL.map(|lang| diagram(lang, url)));
        files
    }

    #[test]
    fn every_file_credits_the_post_and_the_link_made_safe() {
        let url = "https://example.org/a_b/?q=\"x\"&y={1}|<2> 3#/gen/3";
        let safe = "https://example.org/a_b/?q=%22x%22&y=%7B1%7D%7C%3C2%3E%203#/gen/3";
        for file in every_file(url) {
            let body = file.body.replace("&amp;", "&");
            for needle in [SITE.date, safe] {
                assert!(body.contains(needle), "{}: {needle}", file.name);
            }
            assert!(
                body.contains(SITE.title.ko) || body.contains(SITE.title.en),
                "{}",
                file.name
            );
        }
        // The Markdown autolink holds the URL as it is (an autolink takes no escapes).
        let md = table(Table::Summary, Format::Markdown, Langs::Both, url);
        assert!(md.body.contains(&format!(", <{safe}>\n")));
    }

    #[test]
    fn file_names_and_types_say_what_the_files_hold() {
        let gen3 = GenerationId::new(3).expect("3");
        for (file, name, mime) in [
            (
                table(Table::Summary, Format::Csv, Langs::One(Lang::Ko), URL),
                "web-infra-evolution-summary.ko.csv",
                "text/csv;charset=utf-8",
            ),
            (
                table(Table::Diagram, Format::Markdown, Langs::One(Lang::En), URL),
                "web-infra-evolution-diagram.en.md",
                "text/markdown;charset=utf-8",
            ),
            (
                table(Table::Items(gen3), Format::Csv, Langs::Both, URL),
                "web-infra-evolution-gen3.ko-en.csv",
                "text/csv;charset=utf-8",
            ),
            (json(URL), "web-infra-evolution.json", "application/json"),
            (
                diagram(Lang::Ko, URL),
                "web-infra-evolution-diagram.ko.svg",
                "image/svg+xml",
            ),
        ] {
            assert_eq!((file.name.as_str(), file.mime), (name, mime));
        }
        let files = every_file(URL);
        let mut names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), files.len(), "every file its own name");
        for file in &files {
            let ext = file.name.rsplit('.').next().unwrap_or_default();
            let mime = match ext {
                "csv" => "text/csv;charset=utf-8",
                "md" => "text/markdown;charset=utf-8",
                "json" => "application/json",
                _ => "image/svg+xml",
            };
            assert_eq!(file.mime, mime, "{}", file.name);
        }
    }

    #[test]
    fn each_export_button_gets_its_files() {
        let names = |action: &str, langs: Langs, shown: Option<u8>| -> Vec<String> {
            files(
                action,
                Lang::En,
                langs,
                shown.and_then(GenerationId::new),
                URL,
            )
            .into_iter()
            .map(|f| f.name)
            .collect()
        };
        let en = Langs::One(Lang::En);
        assert_eq!(
            names("export-summary-csv", en, None),
            ["web-infra-evolution-summary.en.csv"]
        );
        assert_eq!(
            names("export-diagram-md", Langs::Both, Some(2)),
            ["web-infra-evolution-diagram.ko-en.md"]
        );
        // The generation shown, or all six from the overview.
        assert_eq!(
            names("export-items-md", en, Some(4)),
            ["web-infra-evolution-gen4.en.md"]
        );
        assert_eq!(names("export-items-csv", en, None).len(), 6);
        assert_eq!(names("export-json", en, None), ["web-infra-evolution.json"]);
        // A picture in the page's language, even with both ticked.
        assert_eq!(
            names("export-svg", Langs::Both, None),
            ["web-infra-evolution-diagram.en.svg"]
        );
        for other in [
            "export-",
            "export-x-csv",
            "copy-link",
            "",
            "export-summary-pdf-md",
        ] {
            assert!(names(other, en, None).is_empty(), "{other}");
        }
    }

    #[test]
    fn citations_name_the_post_its_date_the_link_and_the_day_it_was_seen() {
        assert_eq!(
            citation(Lang::En, URL, "2026-11-30"),
            format!(
                "Web Infrastructure Evolution. (2025, October 17). Retrieved November 30, 2026, from {URL}"
            )
        );
        assert_eq!(
            citation(Lang::Ko, URL, "2026-01-05"),
            format!("웹 인프라 진화. (2025년 10월 17일). 2026년 1월 5일 검색, {URL}")
        );
        // A day that is no ISO date is written as given; a URL's braces and spaces are encoded.
        for day in ["yesterday", "2026-13-01", "2026-1-05", "2026-01-05-1", ""] {
            assert!(
                citation(Lang::En, "https://x.org/{ }", day)
                    .ends_with(&format!("Retrieved {day}, from https://x.org/%7B%20%7D"))
            );
        }
        assert_eq!(
            bibtex(URL, "2026-11-30"),
            format!(
                "@misc{{web-infra-evolution,\n  title = {{웹 인프라 진화 [Web Infrastructure Evolution]}},\n  \
                 year = {{2025}},\n  date = {{2025-10-17}},\n  url = {{{URL}}},\n  urldate = {{2026-11-30}}\n}}\n"
            )
        );
        // Braces from outside can't end a field.
        let entry = bibtex("https://x.org/}{", "}");
        assert_eq!(
            entry.matches('{').count(),
            entry.matches('}').count(),
            "{entry}"
        );
        assert!(entry.contains("url = {https://x.org/%7D%7B}"));
    }

    fn expected_credit_text(text: Text, langs: Langs) -> String {
        lang_list(langs)
            .into_iter()
            .map(|l| text.get(l))
            .collect::<Vec<_>>()
            .join(" / ")
    }
}
