#![cfg(not(target_arch = "wasm32"))]
//! The app shows exactly what the post says: nothing missing, nothing added, nothing left behind.
//!
//! The post (`content/source.ko.md`) is parsed here, independently of the build, with line-based rules for its
//! shapes (front matter, the mermaid flowchart, headings, paragraphs, bullets, pipe tables). A line of any other
//! shape is reported, not skipped. Then:
//! - every Korean value of `GENERATIONS` and `SITE` is compared with the post, cell by cell;
//! - every block of the post is one the app has a place for and holds only what the app shows there: an intro, a
//!   closing paragraph, a stray bullet, a heading, a row of the wrong length or a duplicated row fail;
//! - every text of the post appears in the app's first view, rendered natively by `prerender::render` (which holds
//!   the six generations in full, for print), and every bold run of a paragraph appears in bold;
//! - the flowchart's arrows (`A1 --> A2 --> A3`, `상단 --> 하단`) are the arrows the app draws and the "leads to"
//!   text it gives each node; the row-to-row arrow joins the rows, not two nodes;
//! - the English side is present, free of Korean, and as bold as the Korean.
//!
//! Every check takes the post as text (`problems`), so the tests at the end feed it altered copies of the post, and
//! of the rendered page, and see each check fail.
#![allow(clippy::items_after_statements, clippy::needless_pass_by_value)] // a parser with local helpers; checks taking the values they compare

mod common;

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::Path;
use std::sync::OnceLock;

use scraper::{ElementRef, Html, Selector};
use web_infra_evolution::data::{
    COUNT, GENERATIONS, GenerationId, RichText, Run, SITE, Text, row_of,
};

use common::{generation_names, generation_rich_texts, generation_texts, is_hangul, site_texts};

const SOURCE: &str = include_str!("../content/source.ko.md");

// -----------------------------------------------------------------------------------------------------------------
// The post, parsed.

/// A pipe table: its header cells and its rows' cells, trimmed.
#[derive(Debug, Default, Clone)]
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// A heading and what follows it up to the next heading. The text before the first heading is a block of level 0.
#[derive(Debug, Default)]
struct Block {
    level: usize,
    title: String,
    paragraphs: Vec<String>,
    bullets: Vec<String>,
    tables: Vec<Table>,
}

/// A flowchart node of any shape: `A1(["…"])`, `A1["…"]`, `A1{"…"}`, `A1((…))`…
#[derive(Debug)]
struct Node {
    id: String,
    /// Which `subgraph` it sits in, in the post's order.
    subgraph: Option<usize>,
    /// What is written inside the shape, e.g. `🏗️ 1세대<br/>물리 서버 시대<br/><small>…</small>`.
    text: String,
}

/// A node written as the post writes its six: `emoji label<br/>title<br/><small>subtitle</small>`.
struct NodeParts<'a> {
    emoji: &'a str,
    label: &'a str,
    title: &'a str,
    subtitle: &'a str,
}

impl Node {
    fn parts(&self) -> Option<NodeParts<'_>> {
        let [first, title, small] = self.text.split("<br/>").collect::<Vec<_>>()[..] else {
            return None;
        };
        let (emoji, label) = first.split_once(' ')?;
        let subtitle = small.strip_prefix("<small>")?.strip_suffix("</small>")?;
        Some(NodeParts {
            emoji,
            label,
            title,
            subtitle,
        })
    }
}

/// A flowchart row: `subgraph 상단["1~3세대"]`.
#[derive(Debug)]
struct Subgraph {
    id: String,
    title: String,
}

/// A flowchart style line, `style A1 fill:#f8fbff,stroke:#a1c4ff,stroke-width:2px`.
#[derive(Debug)]
struct Style {
    id: String,
    fill: String,
    stroke: String,
}

#[derive(Debug, Default)]
struct Post {
    front_matter: Vec<(String, String)>,
    subgraphs: Vec<Subgraph>,
    nodes: Vec<Node>,
    /// Every arrow, `A1 --> A2 --> A3` as two.
    edges: Vec<(String, String)>,
    styles: Vec<Style>,
    blocks: Vec<Block>,
    /// Lines the parser found no place for.
    problems: Vec<String>,
}

/// The cells of a table line, `| a | b |`.
fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(|c| c.trim().to_owned()).collect()
}

/// The text of a line of HTML, without its tags.
fn strip_tags(s: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

/// A mermaid id: `A1`, `상단`.
fn is_id(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_')
}

/// `A1(["text"])`, `A1["text"]`, `A1{text}`, `A1>text]`, `A1((text))`…: the id and the text, for any shape.
fn node_definition(line: &str) -> Option<(String, String)> {
    let start = line.find(|c: char| "([{>".contains(c))?;
    let (id, shape) = line.split_at(start);
    let id = id.trim();
    if !is_id(id) {
        return None;
    }
    let text = match (shape.find('"'), shape.rfind('"')) {
        (Some(a), Some(b)) if a < b => &shape[a + 1..b],
        _ => shape
            .trim_start_matches(|c| "([{>/\\".contains(c))
            .trim_end_matches(|c| ")]}/\\".contains(c)),
    };
    Some((id.to_owned(), text.to_owned()))
}

fn parse_style(line: &str) -> Option<Style> {
    let mut words = line.split_whitespace().skip(1);
    let id = words.next()?.to_owned();
    let props = words.next()?;
    let prop = |name: &str| {
        props
            .split(',')
            .find_map(|p| p.strip_prefix(name)?.strip_prefix(':'))
            .map(str::to_owned)
    };
    Some(Style {
        fill: prop("fill")?,
        stroke: prop("stroke")?,
        id,
    })
}

/// A bullet, `* x`, `- x`, `+ x` or `1. x`.
fn bullet(line: &str) -> Option<&str> {
    let numbered = line
        .split_once(". ")
        .filter(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        .map(|(_, rest)| rest);
    ["* ", "- ", "+ "]
        .iter()
        .find_map(|b| line.strip_prefix(b))
        .or(numbered)
}

impl Post {
    fn mermaid_line(&mut self, line: &str, subgraph: &mut Option<usize>) {
        if line.is_empty() || line.starts_with("%%") || line.starts_with("flowchart ") {
            return;
        }
        if line == "end" {
            *subgraph = None;
        } else if let Some(rest) = line.strip_prefix("subgraph ") {
            let (id, title) = match rest.split_once('[') {
                Some((id, label)) => (id.trim(), label.trim_end_matches(']').trim_matches('"')),
                None => (rest.trim(), rest.trim()),
            };
            self.subgraphs.push(Subgraph {
                id: id.to_owned(),
                title: title.to_owned(),
            });
            *subgraph = Some(self.subgraphs.len() - 1);
        } else if line.starts_with("style ") {
            match parse_style(line) {
                Some(style) => self.styles.push(style),
                None => self
                    .problems
                    .push(format!("a style line without fill and stroke: {line:?}")),
            }
        } else if line.contains("--") || line.contains("==") || line.contains("-.") {
            let ends: Vec<&str> = line.split("-->").map(str::trim).collect();
            if ends.len() < 2 || !ends.iter().all(|end| is_id(end)) {
                self.problems.push(format!(
                    "a flowchart arrow with a label, a node written into it, or of a kind the app does not draw: \
                     {line:?}"
                ));
                return;
            }
            for pair in ends.windows(2) {
                self.edges.push((pair[0].to_owned(), pair[1].to_owned()));
            }
        } else if let Some((id, text)) = node_definition(line) {
            self.nodes.push(Node {
                id,
                subgraph: *subgraph,
                text,
            });
        } else {
            self.problems.push(format!(
                "a flowchart line the app has no place for: {line:?}"
            ));
        }
    }

    fn front(&self, key: &str) -> Option<&str> {
        self.front_matter
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn block(&self, title: &str) -> Option<&Block> {
        self.blocks.iter().find(|b| b.title == title)
    }

    /// The `## N세대: …` heading's block index for generation `n`.
    fn generation_block(&self, n: usize) -> Option<usize> {
        (0..self.blocks.len()).find(|&i| {
            self.blocks[i].level == 2 && generation_number(&self.blocks[i].title) == Some(n)
        })
    }

    /// The level-3 blocks under generation `n`'s heading.
    fn generation_sub_blocks(&self, n: usize) -> &[Block] {
        let Some(start) = self.generation_block(n).map(|i| i + 1) else {
            return &[];
        };
        let end = (start..self.blocks.len())
            .find(|&i| self.blocks[i].level <= 2)
            .unwrap_or(self.blocks.len());
        &self.blocks[start..end]
    }
}

fn parse(source: &str) -> Post {
    let mut post = Post::default();
    let mut lines = source.lines().peekable();

    // Front matter between the first two `---`.
    if lines.next_if_eq(&"---").is_some() {
        for line in lines.by_ref() {
            if line == "---" {
                break;
            }
            match line.split_once(':') {
                Some((key, value)) => {
                    let value = value.trim();
                    let value = value
                        .strip_prefix('"')
                        .and_then(|v| v.strip_suffix('"'))
                        .unwrap_or(value);
                    post.front_matter
                        .push((key.trim().to_owned(), value.to_owned()));
                }
                None => post.problems.push(format!(
                    "a front matter line that is not `key: value`: {line:?}"
                )),
            }
        }
    } else {
        post.problems
            .push("the post does not start with front matter".to_owned());
    }

    // `Some(true)` inside the mermaid fence, `Some(false)` inside any other code fence.
    let mut fence: Option<bool> = None;
    let mut subgraph = None;
    let mut paragraph: Vec<String> = Vec::new();
    let mut table: Option<Table> = None;
    let mut blocks: Vec<Block> = vec![Block::default()];

    fn flush(blocks: &mut [Block], paragraph: &mut Vec<String>, table: &mut Option<Table>) {
        let block = blocks.last_mut().expect("there is always a block");
        if !paragraph.is_empty() {
            block.paragraphs.push(paragraph.join(" "));
            paragraph.clear();
        }
        if let Some(t) = table.take() {
            block.tables.push(t);
        }
    }

    for line in lines {
        let trimmed = line.trim();
        if let Some(mermaid) = fence {
            if trimmed == "```" {
                fence = None;
            } else if mermaid {
                post.mermaid_line(trimmed, &mut subgraph);
            } else if !trimmed.is_empty() {
                // A code block: text the app has no place for.
                paragraph.push(trimmed.to_owned());
            }
            continue;
        }
        if let Some(lang) = trimmed.strip_prefix("```") {
            flush(&mut blocks, &mut paragraph, &mut table);
            fence = Some(lang.trim() == "mermaid");
            continue;
        }
        let is_rule = ["---", "***", "___"].contains(&trimmed);
        let is_bare_tag = trimmed.starts_with('<') && strip_tags(trimmed).trim().is_empty();
        if trimmed.is_empty() || is_rule || is_bare_tag {
            flush(&mut blocks, &mut paragraph, &mut table);
            continue;
        }
        if trimmed.starts_with('#') {
            flush(&mut blocks, &mut paragraph, &mut table);
            let level = trimmed.chars().take_while(|c| *c == '#').count();
            blocks.push(Block {
                level,
                title: trimmed[level..].trim().to_owned(),
                ..Block::default()
            });
            continue;
        }
        if trimmed.starts_with('|') {
            if !paragraph.is_empty() {
                flush(&mut blocks, &mut paragraph, &mut table);
            }
            let row = cells(trimmed);
            let is_separator = row
                .iter()
                .all(|c| !c.is_empty() && c.chars().all(|ch| ch == '-' || ch == ':'));
            match &mut table {
                None => {
                    table = Some(Table {
                        header: row,
                        rows: Vec::new(),
                    });
                }
                Some(_) if is_separator => {}
                Some(t) => t.rows.push(row),
            }
            continue;
        }
        if let Some(item) = bullet(trimmed) {
            flush(&mut blocks, &mut paragraph, &mut table);
            blocks
                .last_mut()
                .expect("there is always a block")
                .bullets
                .push(strip_tags(item));
            continue;
        }
        if table.is_some() {
            flush(&mut blocks, &mut paragraph, &mut table);
        }
        paragraph.push(strip_tags(trimmed.trim_start_matches('>').trim()));
    }
    flush(&mut blocks, &mut paragraph, &mut table);
    if fence.is_some() {
        post.problems
            .push("a code fence that is never closed".to_owned());
    }
    post.blocks = blocks;
    post
}

/// `3` from `3세대: 컨테이너 시대 (Containerization)`.
fn generation_number(title: &str) -> Option<usize> {
    title.split_once("세대: ")?.0.parse().ok()
}

/// `3세대: 컨테이너 시대 (Containerization)` → ("3세대", "컨테이너 시대", "Containerization").
fn generation_heading(title: &str) -> Option<(&str, &str, &str)> {
    let (label, rest) = title.split_once(": ")?;
    let (heading, english) = rest.rsplit_once(" (")?;
    Some((label, heading, english.strip_suffix(')')?))
}

/// `**1세대**` → `1세대`; anything else unchanged.
fn unbold(cell: &str) -> &str {
    cell.strip_prefix("**")
        .and_then(|c| c.strip_suffix("**"))
        .unwrap_or(cell)
}

/// `Docker, Nginx` → `["Docker", "Nginx"]`.
fn list(cell: &str) -> Vec<String> {
    cell.split(',').map(|t| t.trim().to_owned()).collect()
}

/// Markdown `a **b** c` → runs, as the post means them.
fn markdown_runs(s: &str) -> Vec<(String, bool)> {
    s.split("**")
        .enumerate()
        .filter(|(_, p)| !p.is_empty())
        .map(|(i, p)| (p.to_owned(), i % 2 == 1))
        .collect()
}

/// Runs → markdown, `**` around the bold ones.
fn markdown(runs: &[Run]) -> String {
    runs.iter()
        .map(|r| {
            if r.strong {
                format!("**{}**", r.text)
            } else {
                r.text.to_owned()
            }
        })
        .collect()
}

fn runs(runs: &[Run]) -> Vec<(String, bool)> {
    runs.iter().map(|r| (r.text.to_owned(), r.strong)).collect()
}

fn strs(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

fn ko(texts: &[Text]) -> Vec<String> {
    texts.iter().map(|t| t.ko.to_owned()).collect()
}

/// Whitespace collapsed to single spaces.
fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// -----------------------------------------------------------------------------------------------------------------
// Comparison: every mismatch is collected, then reported at once.

#[derive(Default)]
struct Mismatches(Vec<String>);

impl Mismatches {
    fn check<T: PartialEq + std::fmt::Debug>(&mut self, what: &str, post: T, data: T) {
        if post != data {
            self.0.push(format!(
                "{what}:\n    the post says {post:?}\n    the app says  {data:?}"
            ));
        }
    }

    fn push(&mut self, problem: String) {
        self.0.push(problem);
    }
}

/// One area of the comparison: the post, the app's rendered first view, and where to put what differs.
type Check = fn(&Post, &Html, &mut Mismatches);

const CHECKS: [Check; 8] = [
    structure,
    shown,
    site_texts_match,
    flowchart,
    arrows,
    diagram_table,
    summary_table,
    sections,
];

/// Everything that differs between the post `source` and the app's rendered `page`.
fn problems(source: &str, page: &Html) -> Vec<String> {
    let post = parse(source);
    let mut m = Mismatches(post.problems.clone());
    for check in CHECKS {
        check(&post, page, &mut m);
    }
    m.0
}

/// The app's first view, rendered once.
fn rendered() -> &'static str {
    static HTML: OnceLock<String> = OnceLock::new();
    HTML.get_or_init(web_infra_evolution::prerender::render)
}

/// The app's first view, parsed.
fn page() -> Html {
    Html::parse_fragment(rendered())
}

/// Runs `check` on the real post and the real app.
fn assert_matches(check: Check) {
    let post = parse(SOURCE);
    let mut m = Mismatches(post.problems.clone());
    check(&post, &page(), &mut m);
    assert!(
        m.0.is_empty(),
        "the app differs from content/source.ko.md in {} place(s):\n{}",
        m.0.len(),
        m.0.join("\n")
    );
}

fn selector(s: &str) -> Selector {
    Selector::parse(s).unwrap_or_else(|e| panic!("selector {s:?}: {e}"))
}

/// The text of `el` as a Korean reader sees it: the page carries every text in both languages, each in an
/// element of class `ko` or `en` (src/language.rs `tr`), and shows Korean's.
fn text_of(el: ElementRef<'_>) -> String {
    let text: String = el
        .descendants()
        .filter(|n| {
            !n.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| e.has_class("en", scraper::CaseSensitivity::CaseSensitive))
            })
        })
        .filter_map(|n| n.value().as_text().map(|t| &**t))
        .collect();
    normalize(&text)
}

fn data_gen(el: ElementRef<'_>) -> Option<u8> {
    el.value().attr("data-gen")?.parse().ok()
}

// -----------------------------------------------------------------------------------------------------------------
// Nothing in the post that the app has no place for.

/// Every block is one the app shows, holding only what the app shows of it.
fn structure(post: &Post, _: &Html, m: &mut Mismatches) {
    let mut in_generation = false;
    for b in &post.blocks {
        if b.level <= 2 {
            in_generation = b.level == 2 && generation_number(&b.title).is_some();
        }
        let title = b.title.as_str();
        // What the app shows of a block: how many paragraphs, whether bullets, how many tables.
        let shows = match b.level {
            0 | 1 => Some((0, false, 0)),
            2 if in_generation => Some((0, false, 0)),
            2 if title == SITE.summary_caption.ko => Some((0, false, 1)),
            3 if !in_generation && title == SITE.diagram_caption.ko => Some((0, false, 1)),
            3 if in_generation && title == SITE.overview.ko => Some((1, false, 0)),
            3 if in_generation && title == SITE.features.ko => Some((0, true, 1)),
            _ => None,
        };
        let place = if b.level == 0 {
            "before the first heading".to_owned()
        } else {
            format!("under the heading {title:?}")
        };
        let Some((paragraphs, bullets, tables)) = shows else {
            m.push(format!(
                "the heading {title:?} (level {}) has no place in the app",
                b.level
            ));
            continue;
        };
        for p in b.paragraphs.iter().skip(paragraphs) {
            m.push(format!("{place}: a paragraph the app does not show: {p:?}"));
        }
        for item in b.bullets.iter().filter(|_| !bullets) {
            m.push(format!("{place}: a bullet the app does not show: {item:?}"));
        }
        for t in b.tables.iter().skip(tables) {
            m.push(format!(
                "{place}: a table the app does not show: {:?}",
                t.header
            ));
        }
        for t in &b.tables {
            let mut seen = BTreeSet::new();
            for row in &t.rows {
                if row.len() != t.header.len() {
                    m.push(format!(
                        "{place}: a row of {} cells under a header of {}: {row:?}",
                        row.len(),
                        t.header.len()
                    ));
                }
                if let Some(first) = row.first()
                    && !seen.insert(unbold(first))
                {
                    m.push(format!("{place}: a duplicated row {first:?}"));
                }
                for cell in row.iter().skip(1).filter(|c| c.contains("**")) {
                    m.push(format!(
                        "{place}: bold in a cell the app shows plain: {cell:?}"
                    ));
                }
            }
        }
    }
}

/// Everything a reader sees in the post, with where it is: the texts the app must show.
fn post_texts(post: &Post) -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for (key, value) in &post.front_matter {
        texts.push((format!("front matter `{key}`"), value.clone()));
    }
    for s in &post.subgraphs {
        texts.push((format!("flowchart row {}", s.id), s.title.clone()));
    }
    for node in &post.nodes {
        let place = format!("flowchart node {}", node.id);
        match node.parts() {
            Some(p) => {
                for part in [p.emoji, p.label, p.title, p.subtitle] {
                    texts.push((place.clone(), part.to_owned()));
                }
            }
            None => {
                for line in node.text.split("<br/>") {
                    texts.push((place.clone(), strip_tags(line)));
                }
            }
        }
    }
    for b in &post.blocks {
        let place = if b.level == 0 {
            "before the first heading".to_owned()
        } else {
            format!("under the heading {:?}", b.title)
        };
        match generation_heading(&b.title) {
            Some((label, heading, english)) => {
                for part in [label, heading, english] {
                    texts.push((format!("the heading {:?}", b.title), part.to_owned()));
                }
            }
            None if b.level > 0 => texts.push(("a heading".to_owned(), b.title.clone())),
            None => {}
        }
        for text in b.paragraphs.iter().chain(&b.bullets) {
            texts.push((place.clone(), text.replace("**", "")));
        }
        for t in &b.tables {
            for cell in t.header.iter().chain(t.rows.iter().flatten()) {
                texts.push((format!("{place}, a table"), unbold(cell).to_owned()));
            }
        }
    }
    texts
}

/// Every text of the post is on the app's page, and every bold run of a paragraph or bullet is bold there.
fn shown(post: &Post, page: &Html, m: &mut Mismatches) {
    let text = normalize(&page.root_element().text().collect::<String>());
    let on_page = |s: &str| {
        let s = normalize(s);
        // A list of names may be shown as separate items (the detail's technology chips).
        text.contains(&s) || (s.contains(", ") && s.split(", ").all(|part| text.contains(part)))
    };
    for (place, t) in post_texts(post) {
        if !t.trim().is_empty() && !on_page(&t) {
            m.push(format!("{place}: the app does not show {t:?}"));
        }
    }
    let bold: BTreeSet<String> = page.select(&selector("strong")).map(text_of).collect();
    for b in &post.blocks {
        for text in b.paragraphs.iter().chain(&b.bullets) {
            for run in text.split("**").skip(1).step_by(2) {
                if !bold.contains(&normalize(run)) {
                    m.push(format!(
                        "under the heading {:?}: the app does not show {run:?} in bold",
                        b.title
                    ));
                }
            }
        }
    }
}

// -----------------------------------------------------------------------------------------------------------------
// The post's words are the data's words.

fn site_texts_match(post: &Post, _: &Html, m: &mut Mismatches) {
    m.check(
        "SITE.title (front matter `title`)",
        post.front("title"),
        Some(SITE.title.ko),
    );
    m.check(
        "SITE.date (front matter `date`)",
        post.front("date"),
        Some(SITE.date),
    );
    for (key, _) in &post.front_matter {
        if key != "title" && key != "date" {
            m.push(format!("front matter `{key}`: the app has no place for it"));
        }
    }
    let h1: Vec<&str> = post
        .blocks
        .iter()
        .filter(|b| b.level == 1)
        .map(|b| b.title.as_str())
        .collect();
    m.check("SITE.heading (the `#` heading)", h1, vec![SITE.heading.ko]);
    m.check(
        "SITE.rows (mermaid subgraphs)",
        post.subgraphs.iter().map(|s| s.title.clone()).collect(),
        ko(&SITE.rows),
    );
    m.check(
        "SITE.diagram_caption (the `###` heading of the first table)",
        post.block(SITE.diagram_caption.ko).map(|b| b.level),
        Some(3),
    );
    m.check(
        "SITE.diagram_columns (다이어그램 설명 table header)",
        post.block(SITE.diagram_caption.ko)
            .and_then(|b| b.tables.first())
            .map(|t| t.header.clone()),
        Some(ko(&SITE.diagram_columns)),
    );
    m.check(
        "SITE.summary_caption (the `##` heading of the last table)",
        post.block(SITE.summary_caption.ko).map(|b| b.level),
        Some(2),
    );
    m.check(
        "SITE.summary_columns (세대별 요약 비교 table header)",
        post.block(SITE.summary_caption.ko)
            .and_then(|b| b.tables.first())
            .map(|t| t.header.clone()),
        Some(ko(&SITE.summary_columns)),
    );

    // The sub-headings and the detail tables' headers and row names, the same in every generation's section.
    let mut row_names = Vec::new();
    for n in 1..=COUNT {
        let subs = post.generation_sub_blocks(n);
        let titles: Vec<&str> = subs.iter().map(|b| b.title.as_str()).collect();
        m.check(
            &format!("SITE.overview, SITE.features (generation {n}'s `###` headings)"),
            titles,
            vec![SITE.overview.ko, SITE.features.ko],
        );
        let tables: Vec<&Table> = subs.iter().flat_map(|b| &b.tables).collect();
        m.check(
            &format!("SITE.item_columns (generation {n}'s one table's header)"),
            tables.iter().map(|t| t.header.clone()).collect(),
            vec![ko(&SITE.item_columns)],
        );
        row_names.extend(
            tables
                .iter()
                .flat_map(|t| &t.rows)
                .filter_map(|r| r.first())
                .map(|c| unbold(c).to_owned()),
        );
    }
    // 장점, 단점 and 대표 기술 are the row names the detail tables use.
    for (what, label) in [
        ("SITE.pros", SITE.pros.ko),
        ("SITE.cons", SITE.cons.ko),
        ("SITE.technologies", SITE.technologies.ko),
    ] {
        if !row_names.iter().any(|r| r == label) {
            m.push(format!(
                "{what}: {label:?} is not a row name of any generation's table ({row_names:?})"
            ));
        }
    }
}

fn flowchart(post: &Post, _: &Html, m: &mut Mismatches) {
    m.check("the flowchart's nodes", post.nodes.len(), COUNT);
    m.check("the flowchart's styles", post.styles.len(), COUNT);
    for node in &post.nodes {
        if node.parts().is_none() {
            m.push(format!(
                "flowchart node {}: not written `emoji N세대<br/>title<br/><small>subtitle</small>`: {:?}",
                node.id, node.text
            ));
        }
    }
    for (i, g) in GENERATIONS.iter().enumerate() {
        let n = i + 1;
        let Some(node) = post.nodes.get(i) else {
            continue;
        };
        m.check(
            &format!("generation {n}: the node's id (nodes A1 to A6 in order)"),
            node.id.clone(),
            format!("A{n}"),
        );
        if let Some(p) = node.parts() {
            m.check(
                &format!("generation {n}: emoji (node A{n})"),
                p.emoji,
                g.emoji,
            );
            m.check(
                &format!("generation {n}: label.ko (node A{n})"),
                p.label,
                g.label.ko,
            );
            m.check(
                &format!("generation {n}: node_title.ko (node A{n})"),
                p.title,
                g.node_title.ko,
            );
            m.check(
                &format!("generation {n}: node_subtitle.ko (node A{n}'s <small>)"),
                p.subtitle,
                g.node_subtitle.ko,
            );
        }
        let style = post.styles.iter().find(|s| s.id == node.id);
        m.check(
            &format!("generation {n}: fill (style {})", node.id),
            style.map(|s| s.fill.as_str()),
            Some(g.fill),
        );
        m.check(
            &format!("generation {n}: stroke (style {})", node.id),
            style.map(|s| s.stroke.as_str()),
            Some(g.stroke),
        );
        // The flowchart's rows: the subgraph ("1~3세대" or "4~6세대") the node sits in.
        m.check(
            &format!(
                "generation {n}: flowchart row (the subgraph node {} sits in)",
                node.id
            ),
            node.subgraph,
            Some(row_of(g.id)),
        );
    }
}

/// The arrows the post draws are the arrows the app draws, and what each node's "leads to" text says.
fn arrows(post: &Post, page: &Html, m: &mut Mismatches) {
    // The post's arrows, between generations (`A1 --> A2`) and between rows (`상단 --> 하단`).
    let generation = |id: &str| {
        let node = post.nodes.iter().find(|n| n.id == id)?;
        let label = node.parts()?.label;
        GENERATIONS
            .iter()
            .find(|g| g.label.ko == label)
            .map(|g| g.id.get())
    };
    let row = |id: &str| post.subgraphs.iter().position(|s| s.id == id);
    let mut post_node_arrows = BTreeSet::new();
    let mut post_row_arrows = BTreeSet::new();
    for (from, to) in &post.edges {
        match (generation(from), generation(to), row(from), row(to)) {
            (Some(a), Some(b), _, _) => {
                post_node_arrows.insert((a, b));
            }
            (_, _, Some(a), Some(b)) => {
                post_row_arrows.insert((a, b));
            }
            _ => m.push(format!(
                "the arrow {from} --> {to} does not join two generations or two rows: the app has no such arrow"
            )),
        }
    }
    // The post's rows, as the generations in them.
    let post_rows: Vec<Vec<u8>> = (0..post.subgraphs.len())
        .map(|r| {
            post.nodes
                .iter()
                .filter(|n| n.subgraph == Some(r))
                .filter_map(|n| generation(&n.id))
                .collect()
        })
        .collect();

    // The app's arrows: a `.node-arrow` inside a node points to the next node of its row; a `.row-arrow` that is a
    // row's own child (not inside one of its nodes) points to the next row.
    let rows: Vec<ElementRef<'_>> = page
        .select(&selector(".timeline-rows > .timeline-row"))
        .collect();
    let mut app_rows = Vec::new();
    let mut app_node_arrows = BTreeSet::new();
    let mut app_row_arrows = BTreeSet::new();
    let mut joined = 0;
    for (r, row_el) in rows.iter().enumerate() {
        let nodes: Vec<(Option<u8>, bool)> = row_el
            .select(&selector(".timeline-node"))
            .map(|li| {
                (
                    data_gen(li),
                    li.select(&selector(".node-arrow")).next().is_some(),
                )
            })
            .collect();
        app_rows.push(nodes.iter().filter_map(|(g, _)| *g).collect::<Vec<u8>>());
        for (k, (g, has_arrow)) in nodes.iter().enumerate() {
            match (has_arrow, g, nodes.get(k + 1).and_then(|(next, _)| *next)) {
                (false, _, _) => {}
                (true, Some(g), Some(next)) => {
                    app_node_arrows.insert((*g, next));
                }
                (true, g, _) => m.push(format!(
                    "the app draws an arrow after generation {g:?}, the last node of its row"
                )),
            }
        }
        for child in row_el.children().filter_map(ElementRef::wrap) {
            if child
                .value()
                .has_class("row-arrow", scraper::CaseSensitivity::CaseSensitive)
            {
                joined += 1;
                if r + 1 < rows.len() {
                    app_row_arrows.insert((r, r + 1));
                } else {
                    m.push("the app draws a row-to-row arrow after the last row".to_owned());
                }
            }
        }
    }
    let all_row_arrows = page.select(&selector(".row-arrow")).count();
    if all_row_arrows != joined {
        m.push(format!(
            "the app draws {} row-to-row arrow(s) inside a row's nodes, joining two nodes instead of the rows",
            all_row_arrows - joined
        ));
    }
    let in_nodes = page.select(&selector(".timeline-node .node-arrow")).count();
    if page.select(&selector(".node-arrow")).count() != in_nodes {
        m.push("the app draws an arrow between generations outside the nodes".to_owned());
    }
    m.check(
        "the flowchart's rows, as their generations",
        post_rows.clone(),
        app_rows,
    );
    m.check(
        "the flowchart's row names",
        post.subgraphs
            .iter()
            .map(|s| s.title.clone())
            .collect::<Vec<_>>(),
        rows.iter()
            .filter_map(|r| r.select(&selector(".timeline-row-label")).next())
            .map(text_of)
            .collect(),
    );
    m.check(
        "the arrows between generations (the post's `A1 --> A2`, the app's .node-arrow)",
        post_node_arrows.clone(),
        app_node_arrows,
    );
    m.check(
        "the arrows between rows (the post's `상단 --> 하단`, the app's .row-arrow)",
        post_row_arrows.clone(),
        app_row_arrows,
    );

    // "Leads to": a node leads where its arrow points; the last node of a row leads, by the row's arrow, to the first
    // node of the next row; a node without either leads nowhere.
    let successor = |g: u8| {
        let by_node = post_node_arrows
            .iter()
            .find(|(a, _)| *a == g)
            .map(|(_, b)| *b);
        by_node.or_else(|| {
            let r = post_rows.iter().position(|gens| gens.last() == Some(&g))?;
            let (_, to) = post_row_arrows.iter().find(|(a, _)| *a == r)?;
            post_rows.get(*to)?.first().copied()
        })
    };
    for link in page.select(&selector(".timeline a.node")) {
        let Some(g) = data_gen(link) else {
            m.push("a node of the timeline without data-gen".to_owned());
            continue;
        };
        let says = link.value().attr("aria-describedby").map(|id| {
            page.select(&selector(&format!("[id='{id}']")))
                .next()
                .map(text_of)
        });
        match (successor(g), says) {
            (None, None) => {}
            (Some(next), Some(Some(text))) => {
                let named: Vec<u8> = GENERATIONS
                    .iter()
                    .filter(|other| text.contains(other.label.ko))
                    .map(|other| other.id.get())
                    .collect();
                let title = GENERATIONS[usize::from(next) - 1].node_title.ko;
                if named != [next] || !text.contains(title) {
                    m.push(format!(
                        "generation {g}: the post's arrows lead to generation {next}, but the app's \"leads to\" text \
                         is {text:?}"
                    ));
                }
            }
            (expected, says) => {
                let expected =
                    expected.map_or("nowhere".to_owned(), |next| format!("to generation {next}"));
                let says = match says {
                    None => "missing".to_owned(),
                    Some(None) => "named but not on the page".to_owned(),
                    Some(Some(text)) => format!("{text:?}"),
                };
                m.push(format!(
                    "generation {g}: the post's arrows lead {expected}, but the app's \"leads to\" text is {says}"
                ));
            }
        }
    }
}

fn diagram_table(post: &Post, _: &Html, m: &mut Mismatches) {
    let Some(table) = post
        .block(SITE.diagram_caption.ko)
        .and_then(|b| b.tables.first())
    else {
        m.push(format!(
            "the post has no {:?} table",
            SITE.diagram_caption.ko
        ));
        return;
    };
    m.check("다이어그램 설명: rows", table.rows.len(), COUNT);
    for (g, row) in GENERATIONS.iter().zip(&table.rows) {
        let n = g.id;
        let [label, concept, technologies] = &row[..] else {
            continue; // reported by `structure`
        };
        m.check(
            &format!("generation {n}: label.ko (다이어그램 설명 row {n}, 세대)"),
            unbold(label),
            g.label.ko,
        );
        m.check(
            &format!("generation {n}: diagram.concept.ko (다이어그램 설명 row {n}, 핵심 개념)"),
            concept.as_str(),
            g.diagram.concept.ko,
        );
        m.check(
            &format!("generation {n}: diagram.technologies (다이어그램 설명 row {n}, 대표 기술)"),
            list(technologies),
            strs(g.diagram.technologies),
        );
    }
}

fn summary_table(post: &Post, _: &Html, m: &mut Mismatches) {
    let Some(table) = post
        .block(SITE.summary_caption.ko)
        .and_then(|b| b.tables.first())
    else {
        m.push(format!(
            "the post has no {:?} table",
            SITE.summary_caption.ko
        ));
        return;
    };
    m.check("세대별 요약 비교: rows", table.rows.len(), COUNT);
    for (g, row) in GENERATIONS.iter().zip(&table.rows) {
        let n = g.id;
        let [label, paradigm, technologies, benefit] = &row[..] else {
            continue; // reported by `structure`
        };
        m.check(
            &format!("generation {n}: label.ko (세대별 요약 비교 row {n}, 세대)"),
            unbold(label),
            g.label.ko,
        );
        m.check(
            &format!(
                "generation {n}: summary.paradigm.ko (세대별 요약 비교 row {n}, 인프라 패러다임)"
            ),
            paradigm.as_str(),
            g.summary.paradigm.ko,
        );
        m.check(
            &format!("generation {n}: summary.technologies (세대별 요약 비교 row {n}, 핵심 기술)"),
            list(technologies),
            strs(g.summary.technologies),
        );
        m.check(
            &format!("generation {n}: summary.benefit.ko (세대별 요약 비교 row {n}, 주요 장점)"),
            benefit.as_str(),
            g.summary.benefit.ko,
        );
    }
}

fn sections(post: &Post, _: &Html, m: &mut Mismatches) {
    for g in &GENERATIONS {
        let n = usize::from(g.id.get());
        // ## N세대: 제목 (English)
        let Some(title) = post
            .generation_block(n)
            .map(|i| post.blocks[i].title.as_str())
        else {
            m.push(format!("the post has no `## {n}세대: …` heading"));
            continue;
        };
        let Some((label, heading, english)) = generation_heading(title) else {
            m.push(format!(
                "generation {n}: the heading is not `N세대: 제목 (English)`: {title:?}"
            ));
            continue;
        };
        m.check(
            &format!("generation {n}: label.ko (section heading)"),
            label,
            g.label.ko,
        );
        m.check(
            &format!("generation {n}: heading.ko (section heading)"),
            heading,
            g.heading.ko,
        );
        m.check(
            &format!("generation {n}: english_name (section heading)"),
            english,
            g.english_name,
        );
        if english.chars().any(is_hangul) {
            m.push(format!(
                "generation {n}: the heading's English name contains Korean: {english:?}"
            ));
        }

        let subs = post.generation_sub_blocks(n);
        let overview = subs
            .iter()
            .find(|b| b.title == SITE.overview.ko)
            .and_then(|b| b.paragraphs.first());
        m.check(
            &format!("generation {n}: overview.ko (개요, with **bold** as in the post)"),
            overview.cloned(),
            Some(markdown(g.overview.ko)),
        );
        m.check(
            &format!("generation {n}: overview.ko (개요, as runs of plain and bold text)"),
            overview.map(|p| markdown_runs(p)),
            Some(runs(g.overview.ko)),
        );

        let bullets = subs
            .iter()
            .find(|b| b.title == SITE.features.ko)
            .map(|b| b.bullets.clone())
            .unwrap_or_default();
        if bullets.len() == g.features.len() {
            for (k, (bullet, feature)) in bullets.iter().zip(g.features).enumerate() {
                m.check(
                    &format!("generation {n}: features[{k}].ko (특징 bullet {})", k + 1),
                    bullet.as_str(),
                    feature.ko,
                );
            }
        } else {
            m.check(
                &format!("generation {n}: features (특징 bullets)"),
                bullets,
                ko(g.features),
            );
        }

        // 항목 | 내용: 장점, 단점 (optional), 대표 기술 (optional).
        let rows: Vec<&Vec<String>> = subs
            .iter()
            .flat_map(|b| &b.tables)
            .flat_map(|t| &t.rows)
            .collect();
        let cell = |name: &str| {
            rows.iter()
                .find(|r| r.first().map(|c| unbold(c)) == Some(name))
                .and_then(|r| r.get(1).cloned())
        };
        for row in &rows {
            let name = row.first().map_or("", |c| unbold(c));
            if ![SITE.pros.ko, SITE.cons.ko, SITE.technologies.ko].contains(&name) {
                m.push(format!(
                    "generation {n}: the post's table has a row {name:?} the app has no place for"
                ));
            }
        }
        m.check(
            &format!("generation {n}: pros.ko (항목/내용 table, 장점)"),
            cell(SITE.pros.ko),
            Some(g.pros.ko.to_owned()),
        );
        m.check(
            &format!("generation {n}: cons.ko (항목/내용 table, 단점)"),
            cell(SITE.cons.ko),
            g.cons.map(|c| c.ko.to_owned()),
        );
        m.check(
            &format!("generation {n}: technologies (항목/내용 table, 대표 기술)"),
            cell(SITE.technologies.ko)
                .map(|c| list(&c))
                .unwrap_or_default(),
            strs(g.technologies),
        );
    }
}

#[test]
fn the_post_has_nothing_the_app_has_no_place_for() {
    assert_matches(structure);
    let post = parse(SOURCE);
    assert!(post.problems.is_empty(), "{}", post.problems.join("\n"));
}

#[test]
fn the_app_shows_every_text_of_the_post() {
    assert_matches(shown);
}

#[test]
fn the_site_texts_match_the_post() {
    assert_matches(site_texts_match);
}

#[test]
fn the_flowchart_matches_the_post() {
    assert_matches(flowchart);
}

#[test]
fn the_arrows_match_the_post() {
    assert_matches(arrows);
}

#[test]
fn the_diagram_table_matches_the_post() {
    assert_matches(diagram_table);
}

#[test]
fn the_summary_table_matches_the_post() {
    assert_matches(summary_table);
}

#[test]
fn the_sections_match_the_post() {
    assert_matches(sections);
}

#[test]
fn ids_are_one_to_six_in_order() {
    for (i, g) in GENERATIONS.iter().enumerate() {
        assert_eq!(g.id.get() as usize, i + 1);
        assert_eq!(g.id.index(), i);
        assert!(std::ptr::eq(g.id.generation(), g));
    }
    assert_eq!(
        GenerationId::all()
            .map(web_infra_evolution::data::GenerationId::get)
            .collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6]
    );
}

// -----------------------------------------------------------------------------------------------------------------
// Every text has both languages; the English has no Korean and as much bold as the Korean.

/// What is wrong with a text, if anything: an empty side, or Korean left in the English.
fn text_problems(field: &str, t: &Text) -> Vec<String> {
    side_problems(field, t.ko, t.en)
}

fn side_problems(field: &str, ko: &str, en: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if ko.trim().is_empty() {
        problems.push(format!("{field}.ko is empty"));
    }
    if en.trim().is_empty() {
        problems.push(format!("{field}.en is empty"));
    }
    if en.chars().any(is_hangul) {
        problems.push(format!("{field}.en contains Korean: {en:?}"));
    }
    problems
}

/// A name shown as it is in both languages (an English name, a technology): present, and not Korean.
fn name_problems(field: &str, name: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if name.trim().is_empty() {
        problems.push(format!("{field} is empty"));
    }
    if name.chars().any(is_hangul) {
        problems.push(format!(
            "{field} is shown in English too, but contains Korean: {name:?}"
        ));
    }
    problems
}

fn rich_text_problems(field: &str, t: &RichText) -> Vec<String> {
    let flat = |runs: &[Run]| runs.iter().map(|r| r.text).collect::<String>();
    let mut problems = side_problems(field, &flat(t.ko), &flat(t.en));
    for (lang, runs) in [("ko", t.ko), ("en", t.en)] {
        if runs.iter().any(|r| r.text.is_empty()) {
            problems.push(format!("{field}.{lang} has an empty run"));
        }
        if runs.iter().any(|r| r.text.contains("**")) {
            problems.push(format!("{field}.{lang} still contains `**`"));
        }
        if runs.windows(2).any(|w| w[0].strong == w[1].strong) {
            problems.push(format!(
                "{field}.{lang} has two adjacent runs of the same kind"
            ));
        }
    }
    // The translation keeps the emphasis: as many bold runs in English as in Korean.
    let strong = |runs: &[Run]| runs.iter().filter(|r| r.strong).count();
    if strong(t.ko) != strong(t.en) {
        problems.push(format!(
            "{field}: {} bold run(s) in Korean but {} in English",
            strong(t.ko),
            strong(t.en)
        ));
    }
    problems
}

#[test]
fn every_text_has_korean_and_english() {
    let mut problems = Vec::new();
    for (field, t) in site_texts(&SITE) {
        problems.extend(text_problems(&format!("SITE.{field}"), &t));
    }
    for g in &GENERATIONS {
        let n = g.id.get();
        for (field, t) in generation_texts(g) {
            problems.extend(text_problems(&format!("generation {n}: {field}"), &t));
        }
        for (field, t) in generation_rich_texts(g) {
            problems.extend(rich_text_problems(&format!("generation {n}: {field}"), &t));
        }
        for (field, name) in generation_names(g) {
            problems.extend(name_problems(&format!("generation {n}: {field}"), name));
        }
    }
    assert!(
        SITE.date.len() == 10,
        "SITE.date is ISO 8601: {:?}",
        SITE.date
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_text_checks_catch_an_empty_side_korean_in_english_and_lost_bold() {
    assert_eq!(
        text_problems("x", &Text { ko: "가", en: "a" }),
        Vec::<String>::new()
    );
    assert_eq!(
        text_problems("x", &Text { ko: "", en: "a" }),
        ["x.ko is empty"]
    );
    assert_eq!(
        text_problems("x", &Text { ko: "가", en: "" }),
        ["x.en is empty"]
    );
    assert_eq!(
        text_problems("x", &Text { ko: "가", en: " " }),
        ["x.en is empty"]
    );
    assert_eq!(
        text_problems(
            "x",
            &Text {
                ko: "가", en: "가"
            }
        )
        .len(),
        1
    );
    // An era's English name and the technology lists are English too.
    assert_eq!(
        name_problems("english_name", "Traditional Infrastructure"),
        Vec::<String>::new()
    );
    assert_eq!(name_problems("english_name", "전통 인프라").len(), 1);
    assert_eq!(name_problems("technologies[0]", "도커").len(), 1);
    let empty = RichText {
        ko: &[],
        en: &[Run {
            text: "a",
            strong: false,
        }],
    };
    assert!(rich_text_problems("x", &empty).contains(&"x.ko is empty".to_owned()));
    let lost_bold = RichText {
        ko: &[
            Run {
                text: "가",
                strong: true,
            },
            Run {
                text: "나",
                strong: false,
            },
        ],
        en: &[Run {
            text: "a b",
            strong: false,
        }],
    };
    assert_eq!(
        rich_text_problems("x", &lost_bold),
        ["x: 1 bold run(s) in Korean but 0 in English"]
    );
    // Every generation lists every text it has: the exhaustive destructuring in `common` keeps this honest, and the
    // count here notices a text dropped from the list by mistake.
    assert_eq!(
        generation_texts(&GENERATIONS[0]).len(),
        8 + GENERATIONS[0].features.len() + 1
    );
    assert_eq!(site_texts(&SITE).len(), 9 + 2 + 3 + 4 + 2);
}

#[test]
fn the_parser_reads_the_posts_shapes() {
    let post = parse(SOURCE);
    let node = &post.nodes[0];
    let parts = node.parts().expect("node A1 has the post's shape");
    assert_eq!(node.id, "A1");
    assert_eq!(parts.emoji, "🏗\u{fe0f}");
    assert_eq!(parts.label, "1세대");
    assert_eq!(parts.title, "물리 서버 시대");
    assert_eq!(parts.subtitle, "단일 서버 운영, 모놀리식 구조");
    // Any mermaid shape is a node.
    for shape in [
        r#"X["a<br/>b"]"#,
        r#"X("a<br/>b")"#,
        r#"X{"a<br/>b"}"#,
        "X((a<br/>b))",
        "X>a<br/>b]",
    ] {
        assert_eq!(
            node_definition(shape),
            Some(("X".to_owned(), "a<br/>b".to_owned())),
            "{shape}"
        );
    }
    let style =
        parse_style("style A5 fill:#fff7f0,stroke:#f6b174,stroke-width:2px").expect("a style");
    assert_eq!(
        (
            style.id.as_str(),
            style.fill.as_str(),
            style.stroke.as_str()
        ),
        ("A5", "#fff7f0", "#f6b174")
    );
    assert_eq!(
        post.edges,
        [
            ("A1", "A2"),
            ("A2", "A3"),
            ("A4", "A5"),
            ("A5", "A6"),
            ("상단", "하단")
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
    );
    assert_eq!(
        markdown_runs("**Kubernetes(K8s)**의 등장으로 **a** b"),
        [
            ("Kubernetes(K8s)".to_owned(), true),
            ("의 등장으로 ".to_owned(), false),
            ("a".to_owned(), true),
            (" b".to_owned(), false)
        ]
    );
    // The two source lines of an overview are one paragraph, joined with a space.
    assert_eq!(
        post.generation_sub_blocks(1)[0].paragraphs,
        [
            "모든 서비스(웹, DB, 애플리케이션)를 **하나의 물리 서버**에서 운영하던 시기. 확장성, 유지보수성에 한계가 있었음."
        ]
    );
    assert_eq!(bullet("1. 하나"), Some("하나"));
    assert_eq!(bullet("- 하나"), Some("하나"));
    assert_eq!(bullet("---"), None);
}

// -----------------------------------------------------------------------------------------------------------------
// Each check fails on an altered copy of the post, or of the app's page.

/// The real post with `from` (which must occur exactly once) replaced by `to`.
fn altered(from: &str, to: &str) -> String {
    assert_eq!(
        SOURCE.matches(from).count(),
        1,
        "the test expects {from:?} exactly once in the post"
    );
    SOURCE.replacen(from, to, 1)
}

/// The alterations of the post, each with a piece of the problem it must cause.
const ALTERED_POSTS: &[(&str, &str, &str)] = &[
    // An intro paragraph, before any heading or right under the `#` heading.
    (
        "title: \"웹 인프라 진화\"\ndate: 2025-10-17\n---\n",
        "title: \"웹 인프라 진화\"\ndate: 2025-10-17\n---\n\n이 글은 웹 인프라의 변화를 정리합니다.\n",
        "before the first heading: a paragraph the app does not show",
    ),
    (
        "#  웹 인프라의 진화\n",
        "#  웹 인프라의 진화\n\n여섯 세대로 나누어 봅니다.\n",
        "under the heading \"웹 인프라의 진화\": a paragraph the app does not show",
    ),
    (
        "#  웹 인프라의 진화\n",
        "#  웹 인프라의 진화\n\n여섯 세대로 나누어 봅니다.\n",
        "the app does not show \"여섯 세대로 나누어 봅니다.\"",
    ),
    // A closing paragraph after the last table.
    (
        "| **6세대** | 에지·분산형   | IPFS, WebGPU, WASM  | 초저지연, 탈중앙화    |\n\n---\n",
        "| **6세대** | 에지·분산형   | IPFS, WebGPU, WASM  | 초저지연, 탈중앙화    |\n\n---\n\n읽어 주셔서 감사합니다.\n",
        "under the heading \"세대별 요약 비교\": a paragraph the app does not show",
    ),
    // A paragraph under a generation's heading, and one under 특징.
    (
        "## 2세대: 가상화 시대 (Virtualization)\n",
        "## 2세대: 가상화 시대 (Virtualization)\n\n가상화가 널리 퍼졌습니다.\n",
        "under the heading \"2세대: 가상화 시대 (Virtualization)\": a paragraph",
    ),
    (
        "* 수작업 배포 및 모놀리식 구조\n",
        "* 수작업 배포 및 모놀리식 구조\n\n특징을 정리하면 위와 같습니다.\n",
        "under the heading \"특징\": a paragraph the app does not show",
    ),
    // A second paragraph in an overview.
    (
        "확장성, 유지보수성에 한계가 있었음.\n",
        "확장성, 유지보수성에 한계가 있었음.\n\n두 번째 문단.\n",
        "under the heading \"개요\": a paragraph the app does not show: \"두 번째 문단.\"",
    ),
    // Bullets anywhere: under 개요, under the diagram table, as `-` or numbered.
    (
        "개발·배포가 빠르고 효율적인 DevOps 기반 인프라 확산.\n",
        "개발·배포가 빠르고 효율적인 DevOps 기반 인프라 확산.\n\n* 추가 항목\n",
        "under the heading \"개요\": a bullet the app does not show: \"추가 항목\"",
    ),
    (
        "| **6세대** | 에지·분산형 인프라  | IPFS, WebGPU, WASM          |\n",
        "| **6세대** | 에지·분산형 인프라  | IPFS, WebGPU, WASM          |\n\n- 범례: 화살표는 진화 방향\n",
        "under the heading \"다이어그램 설명\": a bullet the app does not show",
    ),
    (
        "## 세대별 요약 비교\n",
        "## 세대별 요약 비교\n\n1. 먼저 표를 보세요\n",
        "under the heading \"세대별 요약 비교\": a bullet the app does not show",
    ),
    // A feature bullet in bold: the app shows features plain.
    (
        "* 단일 서버에서 모든 구성 요소 동작\n",
        "* **단일 서버**에서 모든 구성 요소 동작\n",
        "the app does not show \"단일 서버\" in bold",
    ),
    // A bold run lost from an overview.
    (
        "**Docker**의 등장으로",
        "Docker의 등장으로",
        "generation 3: overview.ko",
    ),
    // A heading the app has no place for, and an HTML line with text.
    (
        "## 세대별 요약 비교\n",
        "## 참고\n\n참고 문헌.\n\n## 세대별 요약 비교\n",
        "the heading \"참고\" (level 2) has no place in the app",
    ),
    (
        "</div>\n",
        "</div>\n<p>그림 설명</p>\n",
        "the app does not show \"그림 설명\"",
    ),
    // Nodes of any shape.
    (
        "    A4 --> A5 --> A6\n",
        "    A7[\"🚀 7세대<br/>미래 인프라\"]\n    A4 --> A5 --> A6\n",
        "the flowchart's nodes",
    ),
    (
        "    A4 --> A5 --> A6\n",
        "    A7[\"🚀 7세대<br/>미래 인프라\"]\n    A4 --> A5 --> A6\n",
        "the app does not show \"미래 인프라\"",
    ),
    (
        "    A4 --> A5 --> A6\n",
        "    X{\"결정\"}\n    A4 --> A5 --> A6\n",
        "the app does not show \"결정\"",
    ),
    (
        "    A4 --> A5 --> A6\n",
        "    X((원형 노드))\n    A4 --> A5 --> A6\n",
        "the app does not show \"원형 노드\"",
    ),
    (
        "    A4 --> A5 --> A6\n",
        "    click A4 \"https://kubernetes.io\"\n    A4 --> A5 --> A6\n",
        "a flowchart line the app has no place for",
    ),
    // The 항목/내용 table: a row of three cells, a duplicated row, a row the app has no field for.
    (
        "| **장점**    | 자원 활용도 향상, 격리된 환경 구성 가능 |\n",
        "| **장점**    | 자원 활용도 향상, 격리된 환경 구성 가능 | 추가 |\n",
        "a row of 3 cells under a header of 2",
    ),
    (
        "| **대표 기술** | Docker, Nginx, Podman |\n",
        "| **대표 기술** | Docker, Nginx, Podman |\n| **대표 기술** | Docker, Nginx, Podman |\n",
        "a duplicated row \"**대표 기술**\"",
    ),
    (
        "| **단점** | 확장성 부족, 장애 시 전체 서비스 영향 |\n",
        "| **단점** | 확장성 부족, 장애 시 전체 서비스 영향 |\n| **비고** | 초기 웹 |\n",
        "a row \"비고\" the app has no place for",
    ),
    // The two big tables: a duplicated row, a missing cell.
    (
        "| **3세대** | 컨테이너     | Docker, Nginx       | 빠른 배포, 이식성    |\n",
        "| **3세대** | 컨테이너     | Docker, Nginx       | 빠른 배포, 이식성    |\n| **3세대** | 컨테이너     | Docker, Nginx       | 빠른 배포, 이식성    |\n",
        "a duplicated row \"**3세대**\"",
    ),
    (
        "| **2세대** | 가상화 (VM)    | VMware, KVM                 |\n",
        "| **2세대** | 가상화 (VM)    |\n",
        "a row of 2 cells under a header of 3",
    ),
    // The arrows: one taken away, one crossing rows between two nodes instead of joining the rows, one labelled.
    (
        "    A1 --> A2 --> A3 \n",
        "    A1 --> A3 \n",
        "the arrows between generations",
    ),
    (
        "    A1 --> A2 --> A3 \n",
        "    A1 --> A3 \n",
        "generation 1: the post's arrows lead to generation 3",
    ),
    ("    상단 --> 하단\n", "", "the arrows between rows"),
    (
        "    상단 --> 하단\n",
        "",
        "generation 3: the post's arrows lead nowhere, but the app's \"leads to\" text is \"다음 세대는 4세대",
    ),
    (
        "    상단 --> 하단\n",
        "    A3 --> A4\n",
        "the arrows between rows",
    ),
    (
        "    상단 --> 하단\n",
        "    A3 --> A4\n",
        "the arrows between generations",
    ),
    (
        "    A4 --> A5 --> A6\n",
        "    A4 --> A6 --> A5\n",
        "the arrows between generations",
    ),
    (
        "    A1 --> A2 --> A3 \n",
        "    A1 -->|확장| A2 --> A3 \n",
        "a flowchart arrow with a label",
    ),
    (
        "    상단 --> 하단\n",
        "    상단 --> A4\n",
        "does not join two generations or two rows",
    ),
    // Front matter the app has no place for.
    (
        "date: 2025-10-17\n",
        "date: 2025-10-17\ntags: 인프라\n",
        "front matter `tags`: the app has no place for it",
    ),
    // Korean in an English name.
    (
        "(Traditional Infrastructure)",
        "(전통 인프라)",
        "the heading's English name contains Korean",
    ),
];

#[test]
fn each_check_fails_on_an_altered_post() {
    let page = page();
    let mut missed = Vec::new();
    for (from, to, expected) in ALTERED_POSTS {
        let problems = problems(&altered(from, to), &page);
        if !problems.iter().any(|p| p.contains(expected)) {
            missed.push(format!(
                "replacing {from:?} with {to:?} should report {expected:?}, but reported:\n    {}",
                problems.join("\n    ")
            ));
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}

#[test]
fn the_real_post_and_app_have_no_problem_and_any_node_shape_is_one() {
    assert_eq!(problems(SOURCE, &page()), Vec::<String>::new());
    // A node drawn in another shape, with the same words, is the same node.
    let rect = altered(
        "A1([\"🏗️ 1세대<br/>물리 서버 시대<br/><small>단일 서버 운영, 모놀리식 구조</small>\"])",
        "A1[\"🏗️ 1세대<br/>물리 서버 시대<br/><small>단일 서버 운영, 모놀리식 구조</small>\"]",
    );
    assert_eq!(problems(&rect, &page()), Vec::<String>::new());
}

/// The first element matching `css`.
fn element<'a>(page: &'a Html, css: &str) -> ElementRef<'a> {
    page.select(&selector(css))
        .next()
        .unwrap_or_else(|| panic!("no {css:?} in the page"))
}

/// The page with the element matching `css` removed.
fn without(css: &str) -> Html {
    let mut page = page();
    let id = element(&page, css).id();
    page.tree.get_mut(id).expect("a node of the page").detach();
    page
}

#[test]
fn each_arrow_check_fails_on_an_altered_page() {
    // The row-to-row arrow drawn inside node 3, from it to the next row, instead of between the rows.
    let mut moved = page();
    let arrow = element(&moved, ".row-arrow").id();
    let node_3 = element(&moved, ".timeline-node[data-gen='3']").id();
    moved.tree.get_mut(node_3).expect("node 3").append_id(arrow);
    // Node 1 says it leads to generation 3.
    let mut misled = page();
    let text = element(&misled, "#leads-to-1 .ko")
        .first_child()
        .expect("the leads-to text")
        .id();
    if let Some(mut node) = misled.tree.get_mut(text)
        && let scraper::Node::Text(t) = node.value()
    {
        t.text = "다음 세대는 3세대: 컨테이너 시대입니다".into();
    }
    let cases = [
        (
            moved,
            "inside a row's nodes, joining two nodes instead of the rows",
        ),
        (without(".row-arrow"), "the arrows between rows"),
        (
            without(".timeline-node[data-gen='2'] .node-arrow"),
            "the arrows between generations",
        ),
        (
            misled,
            "generation 1: the post's arrows lead to generation 2, but the app's \"leads to\" text is \"다음 세대는 3세대",
        ),
        (
            without("#leads-to-1"),
            "generation 1: the post's arrows lead to generation 2, but the app's \"leads to\" text is named but not",
        ),
    ];
    for (page, expected) in cases {
        let problems = problems(SOURCE, &page);
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "expected {expected:?} in:\n{}",
            problems.join("\n")
        );
    }
}

// -----------------------------------------------------------------------------------------------------------------
// The repo's copy of the post is the seed.

/// The seed the repo's copy of the post must equal, beside the repo.
const SEED: &str = "../shared/seed/web-infra-evolution.ko.md";

/// Compares `copy` with the file at `seed`; a seed that cannot be read is a failure, not a pass.
fn compare_with_seed(seed: &Path, copy: &[u8]) -> Result<(), String> {
    let seed_bytes = std::fs::read(seed).map_err(|e| {
        format!(
            "cannot read the seed {}: {e}\nThe repo's copy of the post must be compared with it. To run the tests \
             without it knowingly, set SKIP_SEED_CHECK to the reason.",
            seed.display()
        )
    })?;
    if seed_bytes == copy {
        Ok(())
    } else {
        Err(format!(
            "content/source.ko.md differs from {}: the repo copy must be byte-identical",
            seed.display()
        ))
    }
}

#[test]
fn the_repo_copy_of_the_post_is_the_seed() {
    if let Ok(reason) = std::env::var("SKIP_SEED_CHECK")
        && !reason.trim().is_empty()
    {
        // Straight to stderr, past the test harness's capture, so that the skip is seen.
        let _ = writeln!(
            std::io::stderr(),
            "warning: the_repo_copy_of_the_post_is_the_seed: the seed comparison is skipped: {reason}"
        );
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let copy = std::fs::read(root.join("content/source.ko.md")).expect("the copy is readable");
    assert_eq!(
        copy,
        SOURCE.as_bytes(),
        "the compiled-in post is the file on disk"
    );
    if let Err(e) = compare_with_seed(&root.join(SEED), &copy) {
        panic!("{e}");
    }
}

#[test]
fn the_seed_check_fails_without_the_seed_and_on_a_different_copy() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let missing = compare_with_seed(
        &root.join("../shared/seed/no-such-post.md"),
        SOURCE.as_bytes(),
    );
    assert!(missing.is_err_and(|e| e.contains("cannot read the seed")));
    let this_file = root.join("tests/content_fidelity.rs");
    assert!(compare_with_seed(&this_file, SOURCE.as_bytes()).is_err_and(|e| e.contains("differs")));
}
