//! Search over everything the post says, in one language: which generations match, and where (the section and
//! the words around the match). Plain Rust, tested natively; `components::search` shows it.
//!
//! Matching ignores case and width (`docker`, `DOCKER` and `ＤＯＣＫＥＲ` are the same) and finds any part of a
//! text, so a Korean syllable prefix finds its word (`컨테` finds 컨테이너).

use crate::data::{GENERATIONS, Generation, GenerationId, Lang, SITE, Text};
use crate::markup::Markup;
use crate::route::{Route, View};
use crate::strings;

/// The longest query that is matched (a longer one is cut there): no text of the post is longer, and a
/// pasted page of junk must not make a keystroke slow.
pub const MAX_QUERY_CHARS: usize = 200;

/// How many characters of context a hit shows on each side of the match.
const CONTEXT_CHARS: usize = 36;

/// One place in a generation where the query was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Which part of the post (개요, 특징, …).
    pub section: Text,
    /// The words before the match, the match as written, and the words after (cut to some context).
    pub before: String,
    pub matched: String,
    pub after: String,
}

/// A generation that matches, with every place it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    pub generation: GenerationId,
    pub hits: Vec<Hit>,
}

/// A character as matching sees it: full-width ASCII forms as ASCII, and ASCII in lower case. (The post's
/// words are Korean, which has no case, and English; Unicode's full case tables would cost the wasm kilobytes.)
pub fn fold(c: char) -> char {
    let c = match u32::from(c) {
        0xFF01..=0xFF5E => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// The query as matched: folded, trimmed, at most [`MAX_QUERY_CHARS`]; empty if there is nothing to look for.
pub fn prepare(query: &str) -> Vec<char> {
    query
        .trim()
        .chars()
        .take(MAX_QUERY_CHARS)
        .map(fold)
        .collect()
}

/// Where `needle` (prepared) first occurs in `text`, as a range of character positions.
fn find(text: &[char], needle: &[char]) -> Option<(usize, usize)> {
    if needle.is_empty() || needle.len() > text.len() {
        return None;
    }
    (0..=text.len() - needle.len())
        .find(|&i| {
            text[i..i + needle.len()]
                .iter()
                .zip(needle)
                .all(|(&c, &n)| fold(c) == n)
        })
        .map(|i| (i, i + needle.len()))
}

/// Every text of a generation, in `lang`, with the part of the post it belongs to.
fn texts(g: &'static Generation, lang: Lang) -> Vec<(Text, String)> {
    let names = |names: &[&str]| names.join(", ");
    let mut texts = vec![
        (strings::FLOWCHART, g.label.get(lang).to_owned()),
        (strings::FLOWCHART, g.node_title.get(lang).to_owned()),
        (strings::FLOWCHART, g.node_subtitle.get(lang).to_owned()),
        (strings::TITLE, g.heading.get(lang).to_owned()),
        (strings::TITLE, g.english_name.to_owned()),
        (
            SITE.overview,
            g.overview.get(lang).iter().map(|run| run.text).collect(),
        ),
    ];
    texts.extend(
        g.features
            .iter()
            .map(|f| (SITE.features, f.get(lang).to_owned())),
    );
    texts.push((SITE.pros, g.pros.get(lang).to_owned()));
    if let Some(cons) = g.cons {
        texts.push((SITE.cons, cons.get(lang).to_owned()));
    }
    texts.extend([
        (SITE.technologies, names(g.technologies)),
        (SITE.diagram_caption, g.diagram.concept.get(lang).to_owned()),
        (SITE.diagram_caption, names(g.diagram.technologies)),
        (
            SITE.summary_caption,
            g.summary.paradigm.get(lang).to_owned(),
        ),
        (SITE.summary_caption, names(g.summary.technologies)),
        (SITE.summary_caption, g.summary.benefit.get(lang).to_owned()),
    ]);
    texts
}

/// Every text of the post in one language, as characters, with its generation and section: made once per
/// language and kept, so a keystroke only compares characters.
type Corpus = Vec<(GenerationId, Text, Vec<char>)>;

thread_local! {
    static CORPUS: [std::cell::OnceCell<Corpus>; 2] = const { [std::cell::OnceCell::new(), std::cell::OnceCell::new()] };
}

fn corpus(lang: Lang) -> Corpus {
    GENERATIONS
        .iter()
        .flat_map(|g| {
            texts(g, lang)
                .into_iter()
                .map(move |(section, text)| (g.id, section, text.chars().collect()))
        })
        .collect()
}

/// `f` with the texts of `lang`, gathered on first use.
fn with_corpus<R>(lang: Lang, f: impl FnOnce(&Corpus) -> R) -> R {
    CORPUS.with(|cache| f(cache[usize::from(lang == Lang::En)].get_or_init(|| corpus(lang))))
}

/// Gathers the texts of `lang` ahead of the first keystroke (when the field gets focus): the first search is
/// then as quick as the rest.
pub fn warm(lang: Lang) {
    with_corpus(lang, |_| ());
}

/// The generations whose texts in `lang` contain `query`, in order, each with where; none for an empty query.
pub fn search(query: &str, lang: Lang) -> Vec<Match> {
    let needle = prepare(query);
    if needle.is_empty() {
        return Vec::new();
    }
    with_corpus(lang, |corpus| {
        let mut matches: Vec<Match> = Vec::new();
        for (generation, section, chars) in corpus {
            let Some((start, end)) = find(chars, &needle) else {
                continue;
            };
            let from = start.saturating_sub(CONTEXT_CHARS);
            let to = (end + CONTEXT_CHARS).min(chars.len());
            let cut = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
            let mut before = cut(from, start);
            if from > 0 {
                before.insert(0, '…');
            }
            let mut after = cut(end, to);
            if to < chars.len() {
                after.push('…');
            }
            let hit = Hit {
                section: *section,
                before,
                matched: cut(start, end),
                after,
            };
            match matches.last_mut() {
                Some(last) if last.generation == *generation => last.hits.push(hit),
                _ => matches.push(Match {
                    generation: *generation,
                    hits: vec![hit],
                }),
            }
        }
        matches
    })
}

/// The results of `query` in `lang`, as markup: each matching generation (a link to it) with its hits (the section,
/// and the words around the match with the match marked); when nothing matches, a way on (the technology index);
/// nothing for an empty query.
pub fn results(query: &str, lang: Lang, matches: &[Match]) -> String {
    let mut m = Markup::new();
    if prepare(query).is_empty() {
        return m.finish();
    }
    if matches.is_empty() {
        m.raw(r#"<p class="search-none">"#);
        m.text(strings::SEARCH_NONE.get(lang));
        m.raw(" ");
        m.link("", Route::to(View::Tech(None)), |m| {
            m.text(strings::TECH_INDEX.get(lang));
        });
        m.raw("</p>");
        return m.finish();
    }
    m.raw(r#"<ol class="search-list">"#);
    for found in matches {
        let g = found.generation.generation();
        m.raw(r#"<li data-gen=""#);
        m.raw(&found.generation.to_string());
        m.raw(r#"">"#);
        m.link("search-gen", Route::generation(found.generation), |m| {
            m.text(g.label.get(lang));
            m.raw(": ");
            m.text(g.node_title.get(lang));
        });
        m.raw("<ul>");
        for hit in &found.hits {
            m.raw(r#"<li><span class="search-section">"#);
            m.text(hit.section.get(lang));
            m.raw("</span> ");
            m.text(&hit.before);
            m.raw("<mark>");
            m.text(&hit.matched);
            m.raw("</mark>");
            m.text(&hit.after);
            m.raw("</li>");
        }
        m.raw("</ul></li>");
    }
    m.raw("</ol>");
    m.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gens(query: &str, lang: Lang) -> Vec<u8> {
        search(query, lang)
            .iter()
            .map(|m| m.generation.get())
            .collect()
    }

    #[test]
    fn case_and_width_do_not_matter() {
        let docker = gens("docker", Lang::En);
        assert!(docker.contains(&3), "{docker:?}");
        assert_eq!(gens("DOCKER", Lang::En), docker);
        assert_eq!(gens("ＤＯＣＫＥＲ", Lang::En), docker);
        assert_eq!(gens("  Docker ", Lang::Ko), docker);
    }

    #[test]
    fn a_korean_syllable_prefix_finds_its_word() {
        let hits = search("컨테", Lang::Ko);
        assert!(hits.iter().any(|m| m.generation.get() == 3));
        let hit = &hits[0].hits[0];
        assert_eq!(hit.matched, "컨테");
        assert!(hit.after.starts_with('이'), "{hit:?}");
        // In English the Korean words are not searched.
        assert!(search("컨테", Lang::En).is_empty());
    }

    #[test]
    fn hits_keep_the_text_as_written_with_some_context() {
        let m = search("kubernetes", Lang::En);
        let four = m.iter().find(|m| m.generation.get() == 4).expect("4");
        for hit in &four.hits {
            assert_eq!(hit.matched, "Kubernetes");
            assert!(hit.before.chars().count() <= CONTEXT_CHARS + 1);
            assert!(hit.after.chars().count() <= CONTEXT_CHARS + 1);
        }
        assert!(four.hits.iter().any(|h| h.section == SITE.overview));
        assert!(four.hits.iter().any(|h| h.section == SITE.technologies));
    }

    #[test]
    fn nothing_to_look_for_finds_nothing() {
        for query in ["", "   ", "\u{3000}"] {
            assert!(search(query, Lang::Ko).is_empty(), "{query:?}");
        }
        assert!(search("zzzz-no-such-word", Lang::En).is_empty());
        assert!(search("<script>", Lang::En).is_empty());
        let junk = "가".repeat(10_000);
        assert!(search(&junk, Lang::Ko).is_empty());
        assert_eq!(prepare(&junk).len(), MAX_QUERY_CHARS);
    }

    #[test]
    fn results_mark_the_match_and_escape_everything() {
        let html = results("컨테", Lang::Ko, &search("컨테", Lang::Ko));
        assert!(
            html.contains(r##"<a class="search-gen" href="#/gen/3">3세대: 컨테이너 시대</a>"##),
            "{html}"
        );
        assert!(html.contains("<mark>컨테</mark>이너"));
        let junk = r#"<script>alert("x")</script>"#;
        let html = results(junk, Lang::En, &search(junk, Lang::En));
        assert!(
            html.contains(r##"href="#/tech""##) && !html.contains("<script>"),
            "{html}"
        );
        assert!(results(" ", Lang::En, &[]).is_empty());
    }

    /// Any query at all (up to a few hundred characters of any kind, or a piece of the post's own words, cased
    /// and widened at random): no panic; each generation is found exactly when one of its texts contains the
    /// query (checked here with a plain fold of both); every hit's marked words fold to the query; the markup of
    /// the results holds no tag that the query brought.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn any_query_keeps_the_rules() {
        use proptest::prelude::*;
        use proptest::test_runner::TestRunner;

        let all_texts: Vec<String> = Lang::ALL
            .iter()
            .flat_map(|&lang| GENERATIONS.iter().flat_map(move |g| texts(g, lang)))
            .map(|(_, t)| t)
            .collect();
        let piece = (
            proptest::sample::select(all_texts),
            any::<u16>(),
            1usize..12,
            any::<u64>(),
        )
            .prop_map(|(text, at, len, mask)| {
                let chars: Vec<char> = text.chars().collect();
                let from = usize::from(at) % chars.len().max(1);
                chars[from..(from + len).min(chars.len())]
                    .iter()
                    .enumerate()
                    .map(|(i, &c)| match (mask >> (i % 64)) & 3 {
                        0 => c.to_ascii_uppercase(),
                        1 if c.is_ascii_graphic() => {
                            char::from_u32(u32::from(c) + 0xFEE0).unwrap_or(c)
                        }
                        _ => c,
                    })
                    .collect::<String>()
            });
        let query = prop_oneof![
            1 => proptest::collection::vec(any::<char>(), 0..300).prop_map(String::from_iter),
            3 => piece,
        ];
        let fold_str = |s: &str| s.chars().map(fold).collect::<String>();
        let mut runner = TestRunner::new(crate::fuzzing::config());
        let result = runner.run(&(query, any::<bool>()), |(query, en)| {
            let lang = if en { Lang::En } else { Lang::Ko };
            let found = search(&query, lang);
            let needle: String = prepare(&query).into_iter().collect();
            for g in &GENERATIONS {
                let expected = !needle.is_empty()
                    && texts(g, lang)
                        .iter()
                        .any(|(_, t)| fold_str(t).contains(&needle));
                let got = found.iter().any(|m| m.generation == g.id);
                prop_assert_eq!(got, expected, "generation {} for {:?}", g.id, query);
            }
            for m in &found {
                for hit in &m.hits {
                    prop_assert_eq!(fold_str(&hit.matched), needle.clone());
                }
            }
            let html = results(&query, lang, &found);
            prop_assert!(
                !html.contains("<script") && !html.contains("<img"),
                "{}",
                html
            );
            Ok(())
        });
        assert!(result.is_ok(), "{result:?}");
    }

    #[test]
    fn every_text_of_the_post_can_be_found() {
        for lang in Lang::ALL {
            for g in &GENERATIONS {
                for (_, text) in texts(g, lang) {
                    if text.is_empty() {
                        continue;
                    }
                    let found = gens(&text, lang);
                    assert!(found.contains(&g.id.get()), "{text:?} in {lang:?}");
                }
            }
        }
    }
}
