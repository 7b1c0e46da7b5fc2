#![cfg(not(target_arch = "wasm32"))]
//! The compiled-in content says exactly what the post says.
//!
//! The post (`content/source.ko.md`) is parsed here, independently of the build, with simple line-based rules for
//! its few shapes (front matter, mermaid nodes and styles, headings, paragraphs, bullets, pipe tables). Every
//! Korean value of `GENERATIONS` and `SITE` is then compared with it, cell by cell. The English side cannot be
//! compared with the post; it is checked to be present, non-empty and free of Korean.

use web_infra_evolution::data::{
    COUNT, DiagramRow, GENERATIONS, Generation, GenerationId, RichText, Run, SITE, Site,
    SummaryRow, Text,
};

const SOURCE: &str = include_str!("../content/source.ko.md");

// -----------------------------------------------------------------------------------------------------------------
// The post, parsed.

/// A pipe table: its header cells and its rows' cells, trimmed.
#[derive(Debug, Default, Clone)]
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// A heading and what follows it up to the next heading.
#[derive(Debug, Default)]
struct Block {
    level: usize,
    title: String,
    paragraphs: Vec<String>,
    bullets: Vec<String>,
    tables: Vec<Table>,
}

/// A flowchart node, `A1(["🏗️ 1세대<br/>물리 서버 시대<br/><small>…</small>"])`.
#[derive(Debug)]
struct Node {
    id: String,
    /// Which `subgraph` it sits in: 0 for the first.
    row: usize,
    emoji: String,
    label: String,
    title: String,
    subtitle: String,
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
    subgraphs: Vec<String>,
    nodes: Vec<Node>,
    styles: Vec<Style>,
    blocks: Vec<Block>,
}

fn cells(line: &str) -> Vec<String> {
    let line = line.trim();
    let inner = line
        .strip_prefix('|')
        .and_then(|l| l.strip_suffix('|'))
        .unwrap_or_else(|| panic!("not a table row: {line:?}"));
    inner.split('|').map(|c| c.trim().to_owned()).collect()
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> &'a str {
    let from = s
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in {s:?}"))
        + start.len();
    let to = s[from..]
        .find(end)
        .unwrap_or_else(|| panic!("no {end:?} in {s:?}"))
        + from;
    &s[from..to]
}

fn parse_node(line: &str, row: usize) -> Node {
    let (id, rest) = line.split_once('(').expect("a node has `(`");
    let inner = between(rest, "[\"", "\"]");
    let parts: Vec<&str> = inner.split("<br/>").collect();
    assert_eq!(parts.len(), 3, "a node has three lines: {line:?}");
    let (emoji, label) = parts[0]
        .split_once(' ')
        .expect("a node starts with its emoji and a space");
    Node {
        id: id.trim().to_owned(),
        row,
        emoji: emoji.to_owned(),
        label: label.to_owned(),
        title: parts[1].to_owned(),
        subtitle: between(parts[2], "<small>", "</small>").to_owned(),
    }
}

fn parse_style(line: &str) -> Style {
    let mut words = line.split_whitespace();
    assert_eq!(words.next(), Some("style"));
    let id = words.next().expect("a style names its node").to_owned();
    let props = words.next().expect("a style has properties");
    let prop = |name: &str| {
        props
            .split(',')
            .find_map(|p| p.strip_prefix(name).and_then(|v| v.strip_prefix(':')))
            .unwrap_or_else(|| panic!("no {name} in {line:?}"))
            .to_owned()
    };
    Style {
        fill: prop("fill"),
        stroke: prop("stroke"),
        id,
    }
}

fn parse(source: &str) -> Post {
    let mut post = Post::default();
    let mut lines = source.lines().peekable();

    // Front matter between the first two `---`.
    assert_eq!(
        lines.next(),
        Some("---"),
        "the post starts with front matter"
    );
    for line in lines.by_ref() {
        if line == "---" {
            break;
        }
        let (key, value) = line.split_once(':').expect("front matter is `key: value`");
        let value = value.trim();
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(value);
        post.front_matter
            .push((key.trim().to_owned(), value.to_owned()));
    }

    let mut in_mermaid = false;
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
        if in_mermaid {
            if trimmed == "```" {
                in_mermaid = false;
            } else if let Some(rest) = trimmed.strip_prefix("subgraph ") {
                post.subgraphs.push(between(rest, "[\"", "\"]").to_owned());
            } else if trimmed.starts_with("style ") {
                post.styles.push(parse_style(trimmed));
            } else if trimmed.contains("([\"") {
                let row = post
                    .subgraphs
                    .len()
                    .checked_sub(1)
                    .expect("nodes sit in a subgraph");
                post.nodes.push(parse_node(trimmed, row));
            }
            continue;
        }
        if trimmed == "```mermaid" {
            in_mermaid = true;
            continue;
        }
        if trimmed.is_empty() || trimmed == "---" || trimmed.starts_with('<') {
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
            let row = cells(trimmed);
            let is_separator = row
                .iter()
                .all(|c| !c.is_empty() && c.chars().all(|ch| ch == '-' || ch == ':'));
            match &mut table {
                None => {
                    table = Some(Table {
                        header: row,
                        rows: Vec::new(),
                    })
                }
                Some(_) if is_separator => {}
                Some(t) => t.rows.push(row),
            }
            continue;
        }
        if let Some(bullet) = trimmed.strip_prefix("* ") {
            blocks
                .last_mut()
                .expect("there is always a block")
                .bullets
                .push(bullet.to_owned());
            continue;
        }
        paragraph.push(trimmed.to_owned());
    }
    flush(&mut blocks, &mut paragraph, &mut table);
    post.blocks = blocks;
    post
}

impl Post {
    fn front(&self, key: &str) -> &str {
        self.front_matter
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no {key:?} in the front matter"))
    }

    fn block(&self, title: &str) -> &Block {
        self.blocks
            .iter()
            .find(|b| b.title == title)
            .unwrap_or_else(|| panic!("no heading {title:?} in the post"))
    }

    /// The `## N세대: …` heading's block index for generation `n`.
    fn generation_block(&self, n: usize) -> usize {
        let prefix = format!("{n}세대: ");
        let found: Vec<usize> = (0..self.blocks.len())
            .filter(|&i| self.blocks[i].level == 2 && self.blocks[i].title.starts_with(&prefix))
            .collect();
        assert_eq!(found.len(), 1, "expected one `## {prefix}…` heading");
        found[0]
    }

    /// The level-3 blocks under generation `n`'s heading.
    fn generation_sub_blocks(&self, n: usize) -> &[Block] {
        let start = self.generation_block(n) + 1;
        let end = (start..self.blocks.len())
            .find(|&i| self.blocks[i].level <= 2)
            .unwrap_or(self.blocks.len());
        &self.blocks[start..end]
    }
}

/// `**1세대**` → `1세대`.
fn unbold(cell: &str) -> &str {
    cell.strip_prefix("**")
        .and_then(|c| c.strip_suffix("**"))
        .unwrap_or_else(|| panic!("expected a bold cell, found {cell:?}"))
}

/// `Docker, Nginx` → `["Docker", "Nginx"]`.
fn list(cell: &str) -> Vec<String> {
    cell.split(',').map(|t| t.trim().to_owned()).collect()
}

/// Markdown `a **b** c` → runs, as the post means them.
fn markdown_runs(s: &str) -> Vec<(String, bool)> {
    let parts: Vec<&str> = s.split("**").collect();
    assert_eq!(parts.len() % 2, 1, "unbalanced `**` in the post: {s:?}");
    parts
        .into_iter()
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

// -----------------------------------------------------------------------------------------------------------------
// Comparison: every mismatch is collected, then reported at once.

#[derive(Default)]
struct Mismatches(Vec<String>);

impl Mismatches {
    fn check<T: PartialEq + std::fmt::Debug>(&mut self, what: &str, post: T, data: T) {
        if post != data {
            self.0.push(format!(
                "{what}:\n    the post says {post:?}\n    the data says {data:?}"
            ));
        }
    }

    fn assert_none(self) {
        assert!(
            self.0.is_empty(),
            "content/generations.toml differs from content/source.ko.md in {} place(s):\n{}",
            self.0.len(),
            self.0.join("\n")
        );
    }
}

fn post() -> Post {
    parse(SOURCE)
}

#[test]
fn the_post_has_six_of_everything() {
    let post = post();
    assert_eq!(COUNT, 6);
    assert_eq!(post.nodes.len(), COUNT, "flowchart nodes");
    assert_eq!(post.styles.len(), COUNT, "flowchart styles");
    assert_eq!(post.subgraphs.len(), 2, "flowchart rows");
    assert_eq!(post.block("다이어그램 설명").tables[0].rows.len(), COUNT);
    assert_eq!(post.block("세대별 요약 비교").tables[0].rows.len(), COUNT);
    for n in 1..=COUNT {
        post.generation_block(n);
    }
    assert_eq!(GENERATIONS.len(), COUNT);
}

#[test]
fn ids_are_one_to_six_in_order() {
    for (i, g) in GENERATIONS.iter().enumerate() {
        assert_eq!(g.id.get() as usize, i + 1);
        assert_eq!(g.id.index(), i);
        assert!(std::ptr::eq(g.id.generation(), g));
    }
    assert_eq!(
        GenerationId::all().map(|id| id.get()).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6]
    );
}

#[test]
fn the_site_texts_match_the_post() {
    let post = post();
    let mut m = Mismatches::default();
    m.check(
        "SITE.title (front matter `title`)",
        post.front("title"),
        SITE.title.ko,
    );
    m.check(
        "SITE.date (front matter `date`)",
        post.front("date"),
        SITE.date,
    );
    let h1: Vec<&Block> = post.blocks.iter().filter(|b| b.level == 1).collect();
    assert_eq!(h1.len(), 1, "the post has one `#` heading");
    m.check(
        "SITE.heading (the `#` heading)",
        h1[0].title.as_str(),
        SITE.heading.ko,
    );
    m.check(
        "SITE.rows (mermaid subgraphs)",
        post.subgraphs.clone(),
        ko(&SITE.rows),
    );

    let diagram = post.block("다이어그램 설명");
    assert_eq!(diagram.level, 3);
    m.check(
        "SITE.diagram_caption",
        "다이어그램 설명",
        SITE.diagram_caption.ko,
    );
    m.check(
        "SITE.diagram_columns (다이어그램 설명 table header)",
        diagram.tables[0].header.clone(),
        ko(&SITE.diagram_columns),
    );

    let summary = post.block("세대별 요약 비교");
    assert_eq!(summary.level, 2);
    m.check(
        "SITE.summary_caption",
        "세대별 요약 비교",
        SITE.summary_caption.ko,
    );
    m.check(
        "SITE.summary_columns (세대별 요약 비교 table header)",
        summary.tables[0].header.clone(),
        ko(&SITE.summary_columns),
    );

    // The sub-headings and the detail tables' headers and row names, the same in every generation's section.
    for n in 1..=COUNT {
        let subs = post.generation_sub_blocks(n);
        let titles: Vec<&str> = subs.iter().map(|b| b.title.as_str()).collect();
        m.check(
            &format!("SITE.overview, SITE.features (generation {n}'s `###` headings)"),
            titles,
            vec![SITE.overview.ko, SITE.features.ko],
        );
        let tables: Vec<&Table> = subs.iter().flat_map(|b| &b.tables).collect();
        assert_eq!(tables.len(), 1, "generation {n}'s section has one table");
        m.check(
            &format!("SITE.item_columns (generation {n}'s table header)"),
            tables[0].header.clone(),
            ko(&SITE.item_columns),
        );
    }
    // 장점, 단점 and 대표 기술 are the row names the detail tables use.
    let row_names: Vec<String> = (1..=COUNT)
        .flat_map(|n| {
            post.generation_sub_blocks(n)
                .iter()
                .flat_map(|b| &b.tables)
                .flat_map(|t| t.rows.iter().map(|r| unbold(&r[0]).to_owned()))
                .collect::<Vec<_>>()
        })
        .collect();
    for (what, label) in [
        ("SITE.pros", SITE.pros.ko),
        ("SITE.cons", SITE.cons.ko),
        ("SITE.technologies", SITE.technologies.ko),
    ] {
        if !row_names.iter().any(|r| r == label) {
            m.0.push(format!(
                "{what}: {label:?} is not a row name of any generation's table ({row_names:?})"
            ));
        }
    }
    m.assert_none();
}

#[test]
fn the_flowchart_matches_the_post() {
    let post = post();
    let mut m = Mismatches::default();
    for (i, g) in GENERATIONS.iter().enumerate() {
        let n = i + 1;
        let node = &post.nodes[i];
        assert_eq!(
            node.id,
            format!("A{n}"),
            "the post's nodes are A1 to A6 in order"
        );
        m.check(
            &format!("generation {n}: emoji (node A{n})"),
            node.emoji.as_str(),
            g.emoji,
        );
        m.check(
            &format!("generation {n}: label.ko (node A{n})"),
            node.label.as_str(),
            g.label.ko,
        );
        m.check(
            &format!("generation {n}: node_title.ko (node A{n})"),
            node.title.as_str(),
            g.node_title.ko,
        );
        m.check(
            &format!("generation {n}: node_subtitle.ko (node A{n}'s <small>)"),
            node.subtitle.as_str(),
            g.node_subtitle.ko,
        );
        let style = post
            .styles
            .iter()
            .find(|s| s.id == format!("A{n}"))
            .unwrap_or_else(|| panic!("no `style A{n}` line"));
        m.check(
            &format!("generation {n}: fill (style A{n})"),
            style.fill.as_str(),
            g.fill,
        );
        m.check(
            &format!("generation {n}: stroke (style A{n})"),
            style.stroke.as_str(),
            g.stroke,
        );
        // The flowchart's rows: the subgraph ("1~3세대" or "4~6세대") the node sits in.
        m.check(
            &format!("generation {n}: flowchart row (the subgraph node A{n} sits in)"),
            node.row,
            web_infra_evolution::data::row_of(g.id),
        );
    }
    m.assert_none();
}

#[test]
fn the_diagram_table_matches_the_post() {
    let post = post();
    let table = &post.block("다이어그램 설명").tables[0];
    let mut m = Mismatches::default();
    for (i, g) in GENERATIONS.iter().enumerate() {
        let n = i + 1;
        let row = &table.rows[i];
        assert_eq!(row.len(), 3, "다이어그램 설명 row {n} has three cells");
        m.check(
            &format!("generation {n}: label.ko (다이어그램 설명 row {n}, 세대)"),
            unbold(&row[0]),
            g.label.ko,
        );
        m.check(
            &format!("generation {n}: diagram.concept.ko (다이어그램 설명 row {n}, 핵심 개념)"),
            row[1].as_str(),
            g.diagram.concept.ko,
        );
        m.check(
            &format!("generation {n}: diagram.technologies (다이어그램 설명 row {n}, 대표 기술)"),
            list(&row[2]),
            strs(g.diagram.technologies),
        );
    }
    m.assert_none();
}

#[test]
fn the_summary_table_matches_the_post() {
    let post = post();
    let table = &post.block("세대별 요약 비교").tables[0];
    let mut m = Mismatches::default();
    for (i, g) in GENERATIONS.iter().enumerate() {
        let n = i + 1;
        let row = &table.rows[i];
        assert_eq!(row.len(), 4, "세대별 요약 비교 row {n} has four cells");
        m.check(
            &format!("generation {n}: label.ko (세대별 요약 비교 row {n}, 세대)"),
            unbold(&row[0]),
            g.label.ko,
        );
        m.check(
            &format!(
                "generation {n}: summary.paradigm.ko (세대별 요약 비교 row {n}, 인프라 패러다임)"
            ),
            row[1].as_str(),
            g.summary.paradigm.ko,
        );
        m.check(
            &format!("generation {n}: summary.technologies (세대별 요약 비교 row {n}, 핵심 기술)"),
            list(&row[2]),
            strs(g.summary.technologies),
        );
        m.check(
            &format!("generation {n}: summary.benefit.ko (세대별 요약 비교 row {n}, 주요 장점)"),
            row[3].as_str(),
            g.summary.benefit.ko,
        );
    }
    m.assert_none();
}

#[test]
fn the_sections_match_the_post() {
    let post = post();
    let mut m = Mismatches::default();
    for (i, g) in GENERATIONS.iter().enumerate() {
        let n = i + 1;
        // ## N세대: 제목 (English)
        let title = &post.blocks[post.generation_block(n)].title;
        let (label, rest) = title.split_once(": ").expect("`N세대: 제목 (English)`");
        let (heading, english) = rest
            .rsplit_once(" (")
            .expect("the heading ends with the English name in parentheses");
        let english = english.strip_suffix(')').expect("`(English)`");
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

        let subs = post.generation_sub_blocks(n);
        let overview = subs
            .iter()
            .find(|b| b.title == "개요")
            .unwrap_or_else(|| panic!("generation {n} has no 개요"));
        assert_eq!(
            overview.paragraphs.len(),
            1,
            "generation {n}'s 개요 is one paragraph"
        );
        m.check(
            &format!("generation {n}: overview.ko (개요, with **bold** as in the post)"),
            overview.paragraphs[0].as_str(),
            markdown(g.overview.ko).as_str(),
        );
        m.check(
            &format!("generation {n}: overview.ko (개요, as runs of plain and bold text)"),
            markdown_runs(&overview.paragraphs[0]),
            runs(g.overview.ko),
        );

        let features = subs
            .iter()
            .find(|b| b.title == "특징")
            .unwrap_or_else(|| panic!("generation {n} has no 특징"));
        if features.bullets.len() == g.features.len() {
            for (k, (bullet, feature)) in features.bullets.iter().zip(g.features).enumerate() {
                m.check(
                    &format!("generation {n}: features[{k}].ko (특징 bullet {})", k + 1),
                    bullet.as_str(),
                    feature.ko,
                );
            }
        } else {
            m.check(
                &format!("generation {n}: features (특징 bullets)"),
                features.bullets.clone(),
                ko(g.features),
            );
        }

        // 항목 | 내용: 장점, 단점 (optional), 대표 기술 (optional).
        let table = subs
            .iter()
            .flat_map(|b| &b.tables)
            .next()
            .unwrap_or_else(|| panic!("generation {n} has no 항목/내용 table"));
        let cell = |name: &str| {
            table
                .rows
                .iter()
                .find(|r| unbold(&r[0]) == name)
                .map(|r| r[1].clone())
        };
        for row in &table.rows {
            let name = unbold(&row[0]);
            if ![SITE.pros.ko, SITE.cons.ko, SITE.technologies.ko].contains(&name) {
                m.0.push(format!(
                    "generation {n}: the post's table has a row {name:?} the data has no field for"
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
    m.assert_none();
}

// -----------------------------------------------------------------------------------------------------------------
// Every text has both languages.
//
// The helpers below destructure each struct without `..`, so a field added to `src/data.rs` does not compile here
// until it is listed, and cannot skip the check.

/// Every plain text of a generation, named by its field.
fn generation_texts(g: &'static Generation) -> Vec<(String, Text)> {
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
fn generation_rich_texts(g: &'static Generation) -> Vec<(String, RichText)> {
    vec![("overview".to_owned(), g.overview)]
}

/// Every name (the same in both languages) of a generation.
fn generation_names(g: &'static Generation) -> Vec<(String, &'static str)> {
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
fn site_texts(s: &'static Site) -> Vec<(String, Text)> {
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

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{1100}'..='\u{11ff}' | '\u{3130}'..='\u{318f}' | '\u{ac00}'..='\u{d7a3}')
}

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
            if name.trim().is_empty() {
                problems.push(format!("generation {n}: {field} is empty"));
            }
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
fn the_text_check_catches_an_empty_side() {
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
    let empty = RichText {
        ko: &[],
        en: &[Run {
            text: "a",
            strong: false,
        }],
    };
    assert!(rich_text_problems("x", &empty).contains(&"x.ko is empty".to_owned()));
    // Every generation lists every text it has: the exhaustive destructuring above keeps this honest, and the count
    // here notices a text dropped from the list by mistake.
    assert_eq!(
        generation_texts(&GENERATIONS[0]).len(),
        8 + GENERATIONS[0].features.len() + 1
    );
    assert_eq!(site_texts(&SITE).len(), 9 + 2 + 3 + 4 + 2);
}

#[test]
fn the_parser_reads_the_posts_shapes() {
    let node = parse_node(
        r#"A1(["🏗️ 1세대<br/>물리 서버 시대<br/><small>단일 서버 운영, 모놀리식 구조</small>"])"#,
        0,
    );
    assert_eq!(node.emoji, "🏗\u{fe0f}");
    assert_eq!(node.label, "1세대");
    assert_eq!(node.title, "물리 서버 시대");
    assert_eq!(node.subtitle, "단일 서버 운영, 모놀리식 구조");
    let style = parse_style("style A5 fill:#fff7f0,stroke:#f6b174,stroke-width:2px");
    assert_eq!(
        (
            style.id.as_str(),
            style.fill.as_str(),
            style.stroke.as_str()
        ),
        ("A5", "#fff7f0", "#f6b174")
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
    let post = post();
    // The two source lines of an overview are one paragraph, joined with a space.
    let overview = &post.generation_sub_blocks(1)[0];
    assert_eq!(
        overview.paragraphs,
        [
            "모든 서비스(웹, DB, 애플리케이션)를 **하나의 물리 서버**에서 운영하던 시기. 확장성, 유지보수성에 한계가 있었음."
        ]
    );
}

#[test]
fn the_repo_copy_of_the_post_is_the_seed() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed = root.join("../shared/seed/web-infra-evolution.ko.md");
    if !seed.exists() {
        eprintln!(
            "note: {} does not exist; nothing to compare",
            seed.display()
        );
        return;
    }
    let seed = std::fs::read(&seed).expect("the seed is readable");
    let copy = std::fs::read(root.join("content/source.ko.md")).expect("the copy is readable");
    assert!(
        seed == copy,
        "content/source.ko.md differs from ../shared/seed/web-infra-evolution.ko.md: the repo copy must be byte-identical"
    );
    assert_eq!(
        copy,
        SOURCE.as_bytes(),
        "the compiled-in post is the file on disk"
    );
}
