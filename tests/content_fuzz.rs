#![cfg(not(target_arch = "wasm32"))]
//! The content file's loader (`build/content.rs`, run by `build.rs`) under random mutations of the real
//! `content/generations.toml` (issue 10, "Fuzzed input"): lines deleted, duplicated, swapped; the file truncated;
//! junk characters, quotes and brackets inserted; a value of the wrong type, a renamed key, an empty text, a broken
//! colour, unbalanced `**`; and edits that change only comments or whitespace.
//!
//! Whatever the mutation, `generate` never panics. It fails with a message that starts with the file's name, or
//! generates Rust source that lists six generations and is well formed. Where the mutation only touched comments or
//! whitespace, the source is exactly the real file's; where it broke a field, the build fails and the message names
//! the generation (or `site`) and the field.
#![allow(
    clippy::many_single_char_names,
    clippy::ref_option,
    clippy::cast_possible_truncation
)] // mutation arithmetic; a thread count ≤ 8

#[path = "../build/content.rs"]
mod content;

use std::ops::Range;
use std::sync::LazyLock;
use std::thread;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::{FileFailurePersistence, RngAlgorithm, TestRunner};

const FILE: &str = "content/generations.toml";
const REAL: &str = include_str!("../content/generations.toml");

/// Cases: issue 10 asks for at least 10,000 for everything that parses outside input.
const CASES: u32 = 10_000;

/// What the real file generates.
static REAL_RUST: LazyLock<String> = LazyLock::new(|| match content::generate(REAL, FILE) {
    Ok(rust) => rust,
    Err(message) => panic!("the real file does not generate:\n{message}"),
});

// ---------------------------------------------------------------------------------------------------------------
// The file as lines: what each line is, and in which table.

#[derive(Clone, Debug, PartialEq)]
enum Kind {
    Blank,
    Comment,
    /// `[site]` or `[[generation]]`.
    Header,
    /// `key = value`, all on this line.
    Key(String),
    /// `key = [`, a list written over the lines below.
    ListStart(String),
    /// An entry of the list `key`.
    Entry(String),
    /// The `]` that closes a list.
    ListEnd,
    Other,
}

#[derive(Debug)]
struct Line<'a> {
    text: &'a str,
    kind: Kind,
    /// "site" or "generation N", for lines inside those tables.
    scope: Option<String>,
}

fn lines(src: &str) -> Vec<Line<'_>> {
    let (mut scope, mut generations, mut list) = (None, 0, None::<String>);
    src.split('\n')
        .map(|text| {
            let t = text.trim();
            let kind = if t.is_empty() {
                Kind::Blank
            } else if t.starts_with('#') {
                Kind::Comment
            } else if let Some(key) = &list {
                if t.starts_with(']') {
                    list = None;
                    Kind::ListEnd
                } else {
                    Kind::Entry(key.clone())
                }
            } else if t == "[site]" {
                scope = Some("site".to_owned());
                Kind::Header
            } else if t == "[[generation]]" {
                generations += 1;
                scope = Some(format!("generation {generations}"));
                Kind::Header
            } else if let Some((key, value)) = t.split_once('=') {
                let key = key.trim().to_owned();
                if value.trim() == "[" {
                    list = Some(key.clone());
                    Kind::ListStart(key)
                } else {
                    Kind::Key(key)
                }
            } else {
                Kind::Other
            };
            Line {
                text,
                kind,
                scope: scope.clone(),
            }
        })
        .collect()
}

/// The byte ranges of the contents of the `"…"` strings on a line.
fn literals(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '#' => break,
            '"' => loop {
                match chars.next() {
                    Some((_, '\\')) => {
                        chars.next();
                    }
                    Some((j, '"')) => {
                        found.push(i + 1..j);
                        break;
                    }
                    Some(_) => {}
                    None => return found,
                }
            },
            _ => {}
        }
    }
    found
}

/// A line without and with the `\r` of a CRLF line break.
fn line_break(line: &str) -> (&str, &str) {
    match line.strip_suffix('\r') {
        Some(text) => (text, "\r"),
        None => (line, ""),
    }
}

/// Whether `text` may go into a comment: TOML allows no control character there but tab.
fn fits_a_comment(text: &str) -> bool {
    text.chars().all(|c| c == '\t' || !c.is_control())
}

// ---------------------------------------------------------------------------------------------------------------
// Mutations, and what each must lead to.

#[derive(Clone, Debug)]
enum Mutation {
    DeleteLine(Index),
    DuplicateLine(Index),
    SwapLines(Index, Index),
    /// Cut the file at a character.
    Truncate(Index),
    /// Insert junk at a character of a line.
    InsertJunk(Index, Index, String),
    /// Give a field a value of another type.
    ChangeType(Index, Index),
    /// Rename a field's key.
    RenameKey(Index, &'static str),
    /// Replace a text with an empty one, or with one padded with spaces.
    EmptyText(Index, &'static str),
    BreakColour(Index, &'static str),
    /// Remove a `**` from a text that has them, or put one into a text.
    UnbalanceBold(Index, Index),
    /// Add a blank line or a comment line.
    AddLine(Index, String),
    /// Write some text at the end of a comment.
    EditComment(Index, String),
    /// Add spaces or tabs before a line, or spaces, tabs or a carriage return after it.
    Whitespace(Index, &'static str, &'static str),
}

/// What a mutated file must lead to.
#[derive(Clone, Debug, PartialEq)]
enum Expect {
    /// Only comments or whitespace changed: exactly what the real file generates.
    Same,
    /// A failure; its message naming the scope ("site", "generation 3") and the field, if known. The field is a
    /// key, or several separated by `|` of which any will do.
    Fails(Option<(String, String)>),
    /// Either; a failure names the file, a success lists six generations.
    Any,
}

impl Expect {
    fn field(scope: &Option<String>, field: &str) -> Expect {
        Expect::Fails(scope.clone().map(|s| (s, field.to_owned())))
    }

    /// One mutation after another: comments and whitespace keep what the other did; two real changes can
    /// do anything.
    fn then(self, next: Expect) -> Expect {
        match (self, next) {
            (Expect::Same, next) => next,
            (this, Expect::Same) => this,
            _ => Expect::Any,
        }
    }
}

const JUNK: &[&str] = &[
    "\"",
    "'",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "**",
    "=",
    "\\",
    "\0",
    "#",
    ",",
    ".",
    "\u{feff}",
    "\u{202e}",
    "\r",
    "\n",
    "\t",
    "🏗️",
    "\"\"\"",
    "'''",
    "[[generation]]",
    "x = 1",
    "\u{7f}",
    "\u{1b}[31m",
];

/// Values of another type, by the type of the value they replace.
const NOT_A_STRING: &[&str] = &["42", "true", "[]", "{}", "1.5", "2025-10-17", "[\"x\"]"];
const NOT_A_TABLE: &[&str] = &["42", "\"text\"", "[]", "true", "[\"a\", \"b\"]"];
const NOT_A_LIST: &[&str] = &["42", "\"text\"", "true", "{}", "{ ko = \"a\", en = \"b\" }"];
const NOT_A_NUMBER: &[&str] = &["\"3\"", "true", "[]", "1.5", "{}", "-1"];

const BAD_COLOURS: &[&str] = &[
    "#b49ee",
    "b49ee5",
    "#b49ee5ff",
    "#g49ee5",
    "purple",
    "#FFF",
    "rgb(1, 2, 3)",
    "",
    "#12345 ",
    "＃123456",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    let junk = prop_oneof![
        3 => select(JUNK).prop_map(str::to_owned),
        1 => vec(any::<char>(), 1..8).prop_map(String::from_iter),
    ];
    let comment_text = prop_oneof![
        select(
            &[
                " \"quoted\" [brackets] {braces} **bold** key = value",
                "#",
                " \u{202e}rtl",
                "\t"
            ][..]
        )
        .prop_map(str::to_owned),
        vec(any::<char>(), 0..12).prop_map(|c| c.into_iter().filter(|c| !c.is_control()).collect()),
    ];
    let new_line = prop_oneof![
        select(
            &[
                "",
                "   ",
                "\t",
                "#",
                "# a comment",
                "  # indented [[generation]]"
            ][..]
        )
        .prop_map(str::to_owned),
        comment_text.clone().prop_map(|t| format!("#{t}")),
    ];
    prop_oneof![
        any::<Index>().prop_map(Mutation::DeleteLine),
        any::<Index>().prop_map(Mutation::DuplicateLine),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        any::<Index>().prop_map(Mutation::Truncate),
        (any::<Index>(), any::<Index>(), junk).prop_map(|(l, c, j)| Mutation::InsertJunk(l, c, j)),
        (any::<Index>(), any::<Index>()).prop_map(|(l, v)| Mutation::ChangeType(l, v)),
        (
            any::<Index>(),
            select(&["x", "_", "2", "s", "-", ".x", "^"][..])
        )
            .prop_map(|(l, s)| Mutation::RenameKey(l, s)),
        (
            any::<Index>(),
            select(&["", " ", "\\t", "\\n", " padded", "padded "][..])
        )
            .prop_map(|(l, s)| Mutation::EmptyText(l, s)),
        (any::<Index>(), select(BAD_COLOURS)).prop_map(|(l, c)| Mutation::BreakColour(l, c)),
        (any::<Index>(), any::<Index>()).prop_map(|(l, at)| Mutation::UnbalanceBold(l, at)),
        (any::<Index>(), new_line).prop_map(|(l, t)| Mutation::AddLine(l, t)),
        (any::<Index>(), comment_text).prop_map(|(l, t)| Mutation::EditComment(l, t)),
        (
            any::<Index>(),
            select(&["", " ", "\t", "  \t "][..]),
            select(&["", " ", "\t", " \t", "\r"][..])
        )
            .prop_map(|(l, a, b)| Mutation::Whitespace(l, a, b)),
    ]
}

/// One to three mutations, mostly one.
fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    prop_oneof![3 => vec(mutation(), 1..=1), 1 => vec(mutation(), 2..=3)]
}

/// The lines of `src` for which `pick` says something, with what it says.
fn candidates<'a, T>(
    lines: &'a [Line<'a>],
    pick: impl Fn(&Line<'a>) -> Option<T>,
) -> Vec<(usize, T)> {
    lines
        .iter()
        .enumerate()
        .filter_map(|(i, line)| pick(line).map(|t| (i, t)))
        .collect()
}

/// One of the lines for which `pick` says something, chosen by `at`, with what it says.
fn pick_one<'a, T: Clone>(
    lines: &'a [Line<'a>],
    at: Index,
    pick: impl Fn(&Line<'a>) -> Option<T>,
) -> Option<(usize, T)> {
    let all = candidates(lines, pick);
    (!all.is_empty()).then(|| all[at.index(all.len())].clone())
}

/// A key of a field inside `[site]` or a `[[generation]]`.
fn scoped_key(line: &Line<'_>) -> Option<String> {
    match &line.kind {
        Kind::Key(key) if line.scope.is_some() => Some(key.clone()),
        _ => None,
    }
}

/// One string literal of a field, chosen by `at`: its line, the field's key, and where the literal is in the line.
fn pick_text(lines: &[Line<'_>], at: Index) -> Option<(usize, String, Range<usize>)> {
    let texts: Vec<(usize, String, Range<usize>)> =
        candidates(lines, |l| field_of(l).map(|f| (f, literals(l.text))))
            .into_iter()
            .flat_map(|(i, (f, ranges))| ranges.into_iter().map(move |r| (i, f.clone(), r)))
            .collect();
    (!texts.is_empty()).then(|| texts[at.index(texts.len())].clone())
}

/// A field's key and its table, for a line inside `[site]` or a `[[generation]]`.
fn field_of(line: &Line<'_>) -> Option<String> {
    line.scope.as_ref()?;
    match &line.kind {
        Kind::Key(key) | Kind::Entry(key) => Some(key.clone()),
        _ => None,
    }
}

/// `src` with `lines[i]` replaced by `new` (which may hold several lines or none).
fn replace_line(lines: &[Line<'_>], i: usize, new: Option<&str>) -> String {
    let mut out: Vec<&str> = lines.iter().map(|l| l.text).collect();
    match new {
        Some(new) => out[i] = new,
        None => {
            out.remove(i);
        }
    }
    out.join("\n")
}

/// `src` with `m` applied, and what that must lead to.
fn apply(src: &str, m: &Mutation) -> (String, Expect) {
    let lines = lines(src);
    let n = lines.len();
    let unchanged = (src.to_owned(), Expect::Same);
    match m {
        Mutation::DeleteLine(at) => {
            let i = at.index(n);
            let line = &lines[i];
            let expect = match (&line.kind, &line.scope) {
                (Kind::Blank | Kind::Comment, _) => Expect::Same,
                // Only a generation's `cons` may be left out; the site's lists have fixed lengths.
                (Kind::Key(key), Some(scope)) if key == "cons" && scope != "site" => Expect::Any,
                (Kind::Key(key), scope) => Expect::field(scope, key),
                (Kind::Entry(key), Some(scope)) if scope == "site" => {
                    Expect::field(&line.scope, key)
                }
                _ => Expect::Any,
            };
            (replace_line(&lines, i, None), expect)
        }
        Mutation::DuplicateLine(at) => {
            let i = at.index(n);
            let line = &lines[i];
            let expect = match (&line.kind, &line.scope) {
                (Kind::Blank | Kind::Comment, _) => Expect::Same,
                // The same key twice is a TOML error; an entry more, a list too long for the site.
                (Kind::Key(key), scope) => Expect::field(scope, key),
                (Kind::Entry(key), Some(scope)) if scope == "site" => {
                    Expect::field(&line.scope, key)
                }
                _ => Expect::Any,
            };
            let doubled = format!("{}\n{}", line.text, line.text);
            (replace_line(&lines, i, Some(&doubled)), expect)
        }
        Mutation::SwapLines(a, b) => {
            let (i, j) = (a.index(n), b.index(n));
            let (x, y) = (&lines[i], &lines[j]);
            let expect = match (&x.kind, &y.kind) {
                (Kind::Blank | Kind::Comment, Kind::Blank | Kind::Comment) => Expect::Same,
                // Two keys of the same table: order does not matter in TOML.
                (Kind::Key(_), Kind::Key(_)) if x.scope.is_some() && x.scope == y.scope => {
                    Expect::Same
                }
                _ => Expect::Any,
            };
            let mut out: Vec<&str> = lines.iter().map(|l| l.text).collect();
            out.swap(i, j);
            (out.join("\n"), expect)
        }
        Mutation::Truncate(at) => {
            let boundaries: Vec<usize> = src.char_indices().map(|(i, _)| i).collect();
            let Some(&cut) = boundaries.get(at.index(boundaries.len().max(1))) else {
                return unchanged;
            };
            // Not between the two characters of a CRLF line break: a lone `\r` is not whitespace in TOML.
            let cut = cut - usize::from(src[..cut].ends_with('\r'));
            // Cutting only whitespace and comments changes nothing; cutting anything else loses the last field.
            let kept = &src[..cut];
            let line_start = kept.rfind('\n').map_or(0, |i| i + 1);
            let in_comment = kept[line_start..].trim_start().starts_with('#');
            let rest_is_void = src[cut..].split('\n').enumerate().all(|(k, l)| {
                (k == 0 && in_comment) || l.trim().is_empty() || l.trim().starts_with('#')
            });
            let expect = if rest_is_void {
                Expect::Same
            } else {
                Expect::Fails(None)
            };
            (kept.to_owned(), expect)
        }
        Mutation::InsertJunk(at, col, junk) => {
            let i = at.index(n);
            let line = &lines[i];
            let boundaries: Vec<usize> = line
                .text
                .char_indices()
                .map(|(b, _)| b)
                .chain([line.text.len()])
                .collect();
            let b = boundaries[col.index(boundaries.len())];
            let in_comment = line.kind == Kind::Comment
                && line.text[..b].contains('#')
                && b <= line_break(line.text).0.len();
            let expect = if in_comment && fits_a_comment(junk) {
                Expect::Same
            } else {
                Expect::Any
            };
            let new = format!("{}{junk}{}", &line.text[..b], &line.text[b..]);
            (replace_line(&lines, i, Some(&new)), expect)
        }
        Mutation::ChangeType(at, pick) => {
            let Some((i, key)) = pick_one(&lines, *at, scoped_key) else {
                return unchanged;
            };
            let line = &lines[i];
            let value = line.text.split_once('=').map_or("", |(_, v)| v.trim());
            let others = match value.chars().next() {
                Some('"') => NOT_A_STRING,
                Some('{') => NOT_A_TABLE,
                Some('[') => NOT_A_LIST,
                _ => NOT_A_NUMBER,
            };
            let new = format!("{key} = {}", others[pick.index(others.len())]);
            (
                replace_line(&lines, i, Some(&new)),
                Expect::field(&line.scope, &key),
            )
        }
        Mutation::RenameKey(at, suffix) => {
            let Some((i, key)) = pick_one(&lines, *at, scoped_key) else {
                return unchanged;
            };
            let line = &lines[i];
            let renamed = if *suffix == "^" {
                let mut chars = key.chars();
                chars
                    .next()
                    .map_or(String::new(), |c| c.to_ascii_uppercase().to_string())
                    + chars.as_str()
            } else {
                format!("{key}{suffix}")
            };
            let value = line.text.split_once('=').map_or("", |(_, v)| v);
            let new = format!("{renamed} ={value}");
            // An unknown key is named as written; the key it replaced may be reported missing instead.
            let first = |k: &str| k.split('.').next().unwrap_or_default().to_owned();
            let expect = Expect::Fails(
                line.scope
                    .clone()
                    .map(|s| (s, format!("{}|{}", first(&key), first(&renamed)))),
            );
            (replace_line(&lines, i, Some(&new)), expect)
        }
        Mutation::EmptyText(at, with) => {
            let Some((i, field, range)) = pick_text(&lines, *at) else {
                return unchanged;
            };
            let text = lines[i].text;
            let new = format!("{}{with}{}", &text[..range.start], &text[range.end..]);
            (
                replace_line(&lines, i, Some(&new)),
                Expect::field(&lines[i].scope, &field),
            )
        }
        Mutation::BreakColour(at, bad) => {
            let colour = |l: &Line<'_>| scoped_key(l).filter(|k| k == "fill" || k == "stroke");
            let Some((i, key)) = pick_one(&lines, *at, colour) else {
                return unchanged;
            };
            let new = format!("{key} = \"{bad}\"");
            (
                replace_line(&lines, i, Some(&new)),
                Expect::field(&lines[i].scope, &key),
            )
        }
        Mutation::UnbalanceBold(at, pos) => {
            let Some((i, field, range)) = pick_text(&lines, *at) else {
                return unchanged;
            };
            let text = lines[i].text;
            let inner = &text[range.clone()];
            let markers: Vec<usize> = inner.match_indices("**").map(|(b, _)| b).collect();
            let new_inner = if markers.is_empty() {
                // Put a `**` anywhere: outside `overview` any `**` is refused, inside it they no longer pair up.
                let cuts: Vec<usize> = inner
                    .char_indices()
                    .map(|(b, _)| b)
                    .chain([inner.len()])
                    .collect();
                let b = cuts[pos.index(cuts.len())];
                format!("{}**{}", &inner[..b], &inner[b..])
            } else {
                let b = markers[pos.index(markers.len())];
                format!("{}{}", &inner[..b], &inner[b + 2..])
            };
            let new = format!("{}{new_inner}{}", &text[..range.start], &text[range.end..]);
            (
                replace_line(&lines, i, Some(&new)),
                Expect::field(&lines[i].scope, &field),
            )
        }
        Mutation::AddLine(at, new) => {
            let i = at.index(n + 1);
            let mut out: Vec<&str> = lines.iter().map(|l| l.text).collect();
            out.insert(i, new);
            (out.join("\n"), Expect::Same)
        }
        Mutation::EditComment(at, extra) => {
            let Some((i, ())) = pick_one(&lines, *at, |l| (l.kind == Kind::Comment).then_some(()))
            else {
                return unchanged;
            };
            let (text, cr) = line_break(lines[i].text);
            let new = format!("{text}{extra}{cr}");
            (replace_line(&lines, i, Some(&new)), Expect::Same)
        }
        Mutation::Whitespace(at, before, after) => {
            let i = at.index(n);
            let (text, cr) = line_break(lines[i].text);
            // A carriage return is whitespace only as the start of a line break.
            let after = if i + 1 == n || !cr.is_empty() {
                after.trim_end_matches('\r')
            } else {
                after
            };
            let new = format!("{before}{text}{after}{cr}");
            (replace_line(&lines, i, Some(&new)), Expect::Same)
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The checks.

/// Whether `rust`'s brackets pair up, outside string and character literals and comments.
fn brackets_pair_up(rust: &str) -> bool {
    let mut open = Vec::new();
    let mut chars = rust.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => loop {
                match chars.next() {
                    Some('\\') => {
                        chars.next();
                    }
                    Some('"') => break,
                    Some(_) => {}
                    None => return false,
                }
            },
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '(' | '[' | '{' => open.push(c),
            ')' | ']' | '}' => {
                let expected = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                if open.pop() != Some(expected) {
                    return false;
                }
            }
            _ => {}
        }
    }
    open.is_empty()
}

/// The lines of `src` that the real file does not have, for a failure's message.
fn changed_lines(src: &str) -> String {
    let real: Vec<&str> = REAL.split('\n').collect();
    let changed: Vec<String> = src
        .split('\n')
        .enumerate()
        .filter(|(_, line)| !real.contains(line))
        .take(6)
        .map(|(i, line)| format!("{:4} | {line:?}", i + 1))
        .collect();
    changed.join("\n")
}

fn check(mutations: &[Mutation]) -> Result<(), TestCaseError> {
    let (mut src, mut expect) = (REAL.to_owned(), Expect::Same);
    for m in mutations {
        let (next, e) = apply(&src, m);
        src = next;
        expect = expect.then(e);
    }
    match content::generate(&src, FILE) {
        Ok(rust) => {
            prop_assert!(
                !matches!(expect, Expect::Fails(_)),
                "built although it must not ({expect:?}); the changed lines:\n{}",
                changed_lines(&src)
            );
            if expect == Expect::Same {
                prop_assert!(
                    rust == *REAL_RUST,
                    "only comments or whitespace changed, but the source differs"
                );
            }
            prop_assert!(
                rust.starts_with("// @generated by build.rs from content/generations.toml.")
            );
            for n in 1..=content::COUNT {
                prop_assert_eq!(rust.matches(&format!("id: GenerationId({n}),")).count(), 1);
            }
            prop_assert_eq!(rust.matches("id: GenerationId(").count(), content::COUNT);
            prop_assert!(brackets_pair_up(&rust), "ill-formed Rust:\n{}", rust);
        }
        Err(message) => {
            prop_assert!(
                expect != Expect::Same,
                "only comments or whitespace changed, but:\n{}",
                message
            );
            prop_assert!(message.starts_with(&format!("{FILE}: ")), "{}", message);
            if let Expect::Fails(Some((scope, fields))) = &expect {
                let prefix = format!("{FILE}: {scope}: ");
                let named = message.lines().any(|line| {
                    line.starts_with(&prefix)
                        && fields
                            .split('|')
                            .any(|field| line.contains(&format!("`{field}")))
                });
                prop_assert!(
                    named,
                    "expected {scope} and field `{fields}` in:\n{message}"
                );
            }
        }
    }
    Ok(())
}

/// The property, over [`CASES`] cases shared out among the machine's cores (each case parses the whole file, which
/// takes milliseconds in a test build). A failure is shrunk to a minimal list of mutations and saved in
/// `tests/content_fuzz.proptest-regressions`, to be tried first next time.
#[test]
fn mutated_content_files_build_or_fail_clearly() {
    LazyLock::force(&REAL_RUST);
    let threads = thread::available_parallelism().map_or(1, |n| n.get().min(8)) as u32;
    let run = |share: u32| {
        let mut runner = TestRunner::new(ProptestConfig {
            cases: share,
            rng_algorithm: RngAlgorithm::XorShift,
            source_file: Some(file!()),
            failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
                "proptest-regressions",
            ))),
            ..ProptestConfig::default()
        });
        runner
            .run(&mutations(), |m| check(&m))
            .err()
            .map(|e| e.to_string())
    };
    let failures: Vec<String> = thread::scope(|s| {
        let runs: Vec<_> = (0..threads)
            .map(|t| {
                let share = CASES / threads + u32::from(t < CASES % threads);
                thread::Builder::new()
                    .name(format!("content fuzz {t}"))
                    .spawn_scoped(s, move || run(share))
                    .expect("cannot start a thread")
            })
            .collect();
        runs.into_iter()
            .filter_map(|r| {
                r.join()
                    .unwrap_or_else(|_| Some("a runner panicked".to_owned()))
            })
            .collect()
    });
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The mutations themselves do what they say, on the real file.
#[test]
fn mutations_hit_what_they_say() {
    let all = lines(REAL);
    assert_eq!(
        all.iter().filter(|l| l.kind == Kind::Header).count(),
        1 + content::COUNT
    );
    assert!(
        all.iter()
            .any(|l| l.kind == Kind::Key("node_title".to_owned())
                && l.scope.as_deref() == Some("generation 3"))
    );
    assert!(
        all.iter()
            .any(|l| l.kind == Kind::Entry("features".to_owned())
                && l.scope.as_deref() == Some("generation 6"))
    );
    assert_eq!(
        literals(r#"a = { ko = "x\"y", en = "" } # "z""#),
        vec![12..16, 25..25]
    );
    assert!(brackets_pair_up(&REAL_RUST));
    assert!(!brackets_pair_up("a { \"}\" "));
}
