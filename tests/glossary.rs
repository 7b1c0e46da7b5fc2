#![cfg(not(target_arch = "wasm32"))]
//! The English says each Korean term the same way everywhere, as `content/glossary.toml` says it.

mod common;

use serde::Deserialize;

const GLOSSARY: &str = include_str!("../content/glossary.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Glossary {
    term: Vec<Term>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Term {
    ko: String,
    en: String,
    #[serde(default)]
    forms: Vec<String>,
}

fn glossary() -> Vec<Term> {
    toml::from_str::<Glossary>(GLOSSARY)
        .unwrap_or_else(|e| panic!("content/glossary.toml: {e}"))
        .term
}

/// Every place where a term's Korean appears in `texts` (field, Korean, English) but its English does not; and
/// every term that appears nowhere. Where a longer term contains a shorter one (핵심 기술, 핵심), the occurrence
/// belongs to the longer term only.
fn glossary_problems(terms: &[Term], texts: &[(String, String, String)]) -> Vec<String> {
    let mut longest_first: Vec<&Term> = terms.iter().collect();
    longest_first.sort_by_key(|t| std::cmp::Reverse(t.ko.chars().count()));
    let mut used = vec![false; longest_first.len()];
    let mut problems = Vec::new();
    for (field, ko, en) in texts {
        let mut ko = ko.clone();
        let en_lower = en.to_lowercase();
        for (i, term) in longest_first.iter().enumerate() {
            if !ko.contains(&term.ko) {
                continue;
            }
            used[i] = true;
            let words: Vec<&String> = std::iter::once(&term.en).chain(&term.forms).collect();
            if !words.iter().any(|w| en_lower.contains(&w.to_lowercase())) {
                problems.push(format!(
                    "{field}: the Korean has {:?}, so the English should say {words:?}:\n    {ko:?}\n    {en:?}",
                    term.ko,
                ));
            }
            ko = ko.replace(&term.ko, "\u{fffd}");
        }
    }
    for (term, used) in longest_first.iter().zip(used) {
        if !used {
            problems.push(format!(
                "the glossary's term {:?} appears nowhere in the content: remove it",
                term.ko
            ));
        }
    }
    problems
}

/// Texts whose Korean is the same but whose English differs.
fn consistency_problems(texts: &[(String, String, String)]) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, (field, ko, en)) in texts.iter().enumerate() {
        for (other_field, other_ko, other_en) in &texts[i + 1..] {
            if ko == other_ko && en != other_en {
                problems.push(format!(
                    "{field} and {other_field} say {ko:?} in Korean but differ in English: {en:?}, {other_en:?}"
                ));
            }
        }
    }
    problems
}

#[test]
fn the_english_uses_the_glossary() {
    let problems = glossary_problems(&glossary(), &common::every_text());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_same_korean_is_always_the_same_english() {
    let problems = consistency_problems(&common::every_text());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_glossary_is_well_formed() {
    let terms = glossary();
    for (i, t) in terms.iter().enumerate() {
        assert!(
            t.ko.chars().any(common::is_hangul),
            "{:?} is not Korean",
            t.ko
        );
        assert!(!t.en.trim().is_empty(), "{:?} has no English", t.ko);
        for word in std::iter::once(&t.en).chain(&t.forms) {
            assert!(
                !word.chars().any(common::is_hangul),
                "{word:?} is not English"
            );
        }
        assert!(
            terms[i + 1..].iter().all(|other| other.ko != t.ko),
            "{:?} is listed twice",
            t.ko
        );
    }
}

fn text(ko: &str, en: &str) -> (String, String, String) {
    ("x".to_owned(), ko.to_owned(), en.to_owned())
}

fn term(ko: &str, en: &str, forms: &[&str]) -> Term {
    Term {
        ko: ko.to_owned(),
        en: en.to_owned(),
        forms: forms.iter().map(|f| (*f).to_owned()).collect(),
    }
}

#[test]
fn the_glossary_check_fails_on_another_word() {
    let terms = [
        term("핵심", "core", &[]),
        term("핵심 개념", "core concept", &[]),
        term("자동화", "automation", &["automated"]),
    ];
    let ok = [
        text("핵심 개념", "Core concept"),
        text("핵심 기반", "core foundation"),
        text("자동화", "Automated orchestration"),
    ];
    assert_eq!(glossary_problems(&terms, &ok), Vec::<String>::new());

    let problems = glossary_problems(
        &terms,
        &[
            text("핵심 개념", "Key concept"),
            text("자동화", "Automatic"),
        ],
    );
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems[0].contains("\"핵심 개념\""), "{problems:?}");
    assert!(problems[1].contains("\"자동화\""), "{problems:?}");
    // 핵심 inside 핵심 개념 belongs to the longer term, so the glossary's 핵심 is used nowhere here.
    assert!(
        problems[2].contains("\"핵심\" appears nowhere"),
        "{problems:?}"
    );
}

#[test]
fn the_consistency_check_fails_on_two_translations() {
    let problems = consistency_problems(&[
        text("물리 서버 시대", "Physical Server Era"),
        text("물리 서버 시대", "The Physical Server Era"),
    ]);
    assert_eq!(problems.len(), 1, "{problems:?}");
}
