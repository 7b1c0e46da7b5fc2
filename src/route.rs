//! The URL fragment is the single source of truth for what is shown.
//!
//! Scheme: `#/` is the overview, `#/gen/3` generation 3. Settings that later features add (language,
//! comparison) ride along as a query after the path, `#/gen/3?lang=en`, so a shared link keeps them.
//! A hash fragment (not a path) is used because the app is static: any CDN, any sub-path and `file://`
//! serve the same `index.html` for every deep link without server rewrites.

use std::fmt;

use crate::data::{GenerationId, Lang};

/// What the URL asks the app to show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Route {
    /// The selected generation; `None` is the overview.
    pub generation: Option<GenerationId>,
    /// The language the link asks for, if it says.
    pub lang: Option<Lang>,
}

/// Why a fragment could not be understood. Holds a short, printable excerpt of what was given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteError {
    /// At most [`RouteError::EXCERPT_CHARS`] characters of the fragment, for a polite notice.
    pub excerpt: String,
    /// The language the bad link asks for, if its query says: the notice is written in it.
    pub lang: Option<Lang>,
}

impl RouteError {
    /// How much of a bad fragment a notice repeats back.
    pub const EXCERPT_CHARS: usize = 32;

    fn new(hash: &str) -> RouteError {
        let mut excerpt: String = hash
            .chars()
            .filter(|c| !c.is_control())
            .take(Self::EXCERPT_CHARS)
            .collect();
        if hash.chars().count() > Self::EXCERPT_CHARS {
            excerpt.push('…');
        }
        RouteError {
            excerpt,
            lang: query_lang(hash.split_once('?').map(|(_, q)| q)),
        }
    }
}

impl Route {
    /// The overview, in whatever language applies.
    pub const OVERVIEW: Route = Route {
        generation: None,
        lang: None,
    };

    /// A route to generation `id`.
    pub const fn generation(id: GenerationId) -> Route {
        Route {
            generation: Some(id),
            lang: None,
        }
    }

    /// The same route with another generation (or the overview), keeping the other settings.
    pub const fn with_generation(self, generation: Option<GenerationId>) -> Route {
        Route { generation, ..self }
    }

    /// The same route in another language.
    pub const fn with_lang(self, lang: Option<Lang>) -> Route {
        Route { lang, ..self }
    }

    /// Parses `location.hash` (with or without the leading `#`).
    ///
    /// Empty, `#` and `#/` are the overview. Unknown query keys are ignored and an unknown `lang` value
    /// falls back to "not said", so a link from a newer version still opens; a path that is not ours is an error.
    ///
    /// # Errors
    /// A [`RouteError`] for a path the app does not know, with an excerpt of it for the notice.
    pub fn parse(hash: &str) -> Result<Route, RouteError> {
        let body = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = match body.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (body, None),
        };
        let segments: Vec<&str> = path
            .trim_start_matches('/')
            .trim_end_matches('/')
            .split('/')
            .collect();
        let generation = match segments.as_slice() {
            [""] => None,
            ["gen", n] => Some(parse_generation(n).ok_or_else(|| RouteError::new(hash))?),
            _ => return Err(RouteError::new(hash)),
        };
        Ok(Route {
            generation,
            lang: query_lang(query),
        })
    }
}

/// The `lang` in a fragment's query (`lang=en`), if it names one of ours; the last one wins.
fn query_lang(query: Option<&str>) -> Option<Lang> {
    query
        .into_iter()
        .flat_map(|q| q.split('&'))
        .filter_map(|pair| pair.strip_prefix("lang="))
        .next_back()
        .and_then(Lang::from_code)
}

/// `"3"` → generation 3. Only plain ASCII digits, no sign, no leading zeros beyond one digit's worth.
fn parse_generation(s: &str) -> Option<GenerationId> {
    if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse::<u8>().ok().and_then(GenerationId::new)
}

impl fmt::Display for Route {
    /// Writes the fragment including `#`, e.g. `#/gen/3?lang=en`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.generation {
            Some(id) => write!(f, "#/gen/{id}")?,
            None => f.write_str("#/")?,
        }
        if let Some(lang) = self.lang {
            write!(f, "?lang={}", lang.code())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gen_id(n: u8) -> GenerationId {
        GenerationId::new(n).unwrap()
    }

    #[test]
    fn overview_forms() {
        for hash in ["", "#", "#/", "/", "#//"] {
            assert_eq!(Route::parse(hash), Ok(Route::OVERVIEW), "{hash:?}");
        }
    }

    #[test]
    fn generations() {
        for n in 1..=6 {
            assert_eq!(
                Route::parse(&format!("#/gen/{n}")),
                Ok(Route::generation(gen_id(n)))
            );
        }
        assert_eq!(Route::parse("#/gen/3/"), Ok(Route::generation(gen_id(3))));
    }

    #[test]
    fn bad_hashes_are_errors_with_short_excerpts() {
        let junk = "x".repeat(10 * 1024);
        for hash in [
            "#/gen/9",
            "#/gen/0",
            "#/gen/abc",
            "#%%%",
            "#/gen/",
            "#/gen/3/4",
            "#/gen/+3",
            "#/gen/03x",
            "#/gen/-1",
            "#/gen/256",
            "#/foo",
            junk.as_str(),
        ] {
            let err = Route::parse(hash).expect_err(hash);
            assert!(err.excerpt.chars().count() <= RouteError::EXCERPT_CHARS + 1);
        }
        assert_eq!(Route::parse("#%%%").unwrap_err().excerpt, "#%%%");
        assert_eq!(
            Route::parse("#/gen/9?lang=en").unwrap_err().lang,
            Some(Lang::En)
        );
        assert_eq!(Route::parse("#/gen/9").unwrap_err().lang, None);
        assert!(Route::parse(&junk).unwrap_err().excerpt.ends_with('…'));
    }

    #[test]
    fn lang_query() {
        assert_eq!(
            Route::parse("#/gen/2?lang=en"),
            Ok(Route {
                generation: Some(gen_id(2)),
                lang: Some(Lang::En)
            })
        );
        // Unknown values and keys fall back quietly.
        assert_eq!(Route::parse("#/?lang=fr"), Ok(Route::OVERVIEW));
        assert_eq!(
            Route::parse("#/gen/1?x=1&lang=ko"),
            Ok(Route {
                generation: Some(gen_id(1)),
                lang: Some(Lang::Ko)
            })
        );
    }

    #[test]
    fn display() {
        assert_eq!(Route::OVERVIEW.to_string(), "#/");
        assert_eq!(Route::generation(gen_id(4)).to_string(), "#/gen/4");
        let r = Route {
            generation: None,
            lang: Some(Lang::En),
        };
        assert_eq!(r.to_string(), "#/?lang=en");
    }
}

/// Property tests (native only: proptest is not built for wasm). Every fragment a reader can bring, checked against
/// the scheme in the module docs: any text at all (controls, RTL marks, emoji, `%` escapes, `javascript:`,
/// `<script>`, up to 64 KB), links of our scheme with one part mutated, and good links mangled afterwards.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use std::cell::Cell;
    use std::hint::black_box;
    use std::time::{Duration, Instant};

    use proptest::collection::vec;
    use proptest::prelude::*;
    use proptest::sample::{Index, select};
    use proptest::test_runner::TestRunner;

    use super::*;
    use crate::fuzzing::config;

    /// The longest generated fragment, in bytes.
    const MAX_LEN: usize = 64 * 1024;

    /// What links are made of, and what they get mangled with.
    const PIECES: &[&str] = &[
        "#",
        "##",
        "/",
        "//",
        "?",
        "&",
        "=",
        "gen",
        "lang",
        "lang=",
        "ko",
        "en",
        "1",
        "3",
        "6",
        "0",
        "7",
        "06",
        "256",
        "-1",
        "+3",
        "%",
        "%%%",
        "%00",
        "%2F",
        "%3F",
        "%3D",
        "%26",
        "%23",
        "%E2%80%AE",
        "%F0%9F",
        "\0",
        "\t",
        "\n",
        "\r\n",
        " ",
        "\u{7f}",
        "\u{85}",
        "\u{200e}",
        "\u{200f}",
        "\u{202e}",
        "\u{2066}",
        "\u{feff}",
        "🏗️",
        "👨‍👩‍👧",
        "é",
        "ı",
        "٣",
        "３",
        "세대",
        "javascript:alert(1)",
        "<script>alert(1)</script>",
        "\"",
        "'",
        "\\",
        "..",
        "…",
    ];

    // -- The scheme, written out independently of `Route::parse`. ------------------------------------------------

    /// The language a fragment asks for: its query is what follows the first `?`, `&` separates the pairs, and
    /// the last `lang=` pair decides, if its value is exactly one of ours.
    fn asked_lang(hash: &str) -> Option<Lang> {
        let (_, query) = hash.split_once('?')?;
        let mut asked = None;
        for pair in query.split('&') {
            if let Some(value) = pair.strip_prefix("lang=") {
                asked = match value {
                    "ko" => Some(Lang::Ko),
                    "en" => Some(Lang::En),
                    _ => None,
                };
            }
        }
        asked
    }

    /// The generation a fragment's path names (`Some(None)` for the overview), or `None` when the path is not
    /// ours: one optional `#`, then slashes around nothing or around `gen/` and a number 1 to 6 (one leading zero
    /// allowed), up to the first `?`.
    #[allow(clippy::option_option)] // no path of ours / the overview / a generation
    fn path_generation(hash: &str) -> Option<Option<u8>> {
        let body = hash.strip_prefix('#').unwrap_or(hash);
        let path = body.split('?').next().unwrap_or_default().trim_matches('/');
        if path.is_empty() {
            return Some(None);
        }
        let n = match path.strip_prefix("gen/")? {
            "1" | "01" => 1,
            "2" | "02" => 2,
            "3" | "03" => 3,
            "4" | "04" => 4,
            "5" | "05" => 5,
            "6" | "06" => 6,
            _ => return None,
        };
        Some(Some(n))
    }

    /// The 14 fragments the app writes.
    fn canonical_forms() -> Vec<String> {
        let paths = ["#/".to_owned()]
            .into_iter()
            .chain((1..=6).map(|n| format!("#/gen/{n}")));
        paths
            .flat_map(|p| [p.clone(), format!("{p}?lang=ko"), format!("{p}?lang=en")])
            .collect()
    }

    /// Every rule `Route::parse` keeps, whatever `hash` is.
    fn check(hash: &str) -> Result<(), TestCaseError> {
        match Route::parse(hash) {
            Ok(route) => {
                let printed = route.to_string();
                prop_assert!(
                    canonical_forms().contains(&printed),
                    "{hash:?} printed as {printed:?}"
                );
                prop_assert_eq!(Route::parse(&printed), Ok(route), "printed {:?}", printed);
                prop_assert_eq!(
                    Some(route.generation.map(GenerationId::get)),
                    path_generation(hash),
                    "the generation of {:?}",
                    hash
                );
                prop_assert_eq!(route.lang, asked_lang(hash), "the lang of {:?}", hash);
            }
            Err(err) => {
                prop_assert_eq!(path_generation(hash), None, "{:?} was refused", hash);
                prop_assert_eq!(err.lang, asked_lang(hash), "the lang of bad {:?}", hash);
                let excerpt = err.excerpt.as_str();
                prop_assert!(excerpt.chars().count() <= RouteError::EXCERPT_CHARS + 1);
                prop_assert!(
                    !excerpt.chars().any(char::is_control),
                    "control characters in {excerpt:?}"
                );
                // The visible start of the fragment, marked `…` when the fragment was longer.
                let visible: String = hash.chars().filter(|c| !c.is_control()).collect();
                let cut = hash.chars().count() > RouteError::EXCERPT_CHARS;
                let shown = if cut {
                    excerpt.strip_suffix('…')
                } else {
                    Some(excerpt)
                };
                prop_assert!(
                    shown.is_some_and(|s| visible.starts_with(s)
                        && s.chars().count()
                            == visible.chars().count().min(RouteError::EXCERPT_CHARS)),
                    "excerpt {excerpt:?} of {hash:?}"
                );
            }
        }
        Ok(())
    }

    // -- Inputs. --------------------------------------------------------------------------------------------------

    fn any_route() -> impl Strategy<Value = Route> {
        (
            proptest::option::of(1u8..=6),
            proptest::option::of(prop_oneof![Just(Lang::Ko), Just(Lang::En)]),
        )
            .prop_map(|(n, lang)| Route {
                generation: n.and_then(GenerationId::new),
                lang,
            })
    }

    /// One piece of a link or of junk; never empty.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => select(PIECES).prop_map(str::to_owned),
            1 => any::<char>().prop_map(String::from),
        ]
    }

    /// `unit` repeated to `len` bytes (cut on a character boundary).
    fn repeat_to(unit: &str, len: usize) -> String {
        let mut s = unit.repeat(len / unit.len().max(1) + 1);
        let cut = (0..=len)
            .rev()
            .find(|&i| s.is_char_boundary(i))
            .unwrap_or(0);
        s.truncate(cut);
        s
    }

    /// Any text: arbitrary characters (every plane, controls included), pieces of links in any order, or a run of
    /// pieces repeated up to 64 KB.
    fn any_text() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => vec(any::<char>(), 0..48).prop_map(String::from_iter),
            4 => vec(piece(), 0..24).prop_map(|p| p.concat()),
            1 => (vec(piece(), 1..6), 0..=MAX_LEN).prop_map(|(unit, len)| repeat_to(&unit.concat(), len)),
        ]
    }

    /// `s` with the characters whose bit is set in `mask` (cycled) written as `%XX` escapes of their UTF-8 bytes,
    /// in upper or lower case, as chat apps and mail clients rewrite links.
    fn percent_encoded(s: &str, mask: u64, lower: bool) -> String {
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if mask >> (i % 64) & 1 == 1 {
                for b in c.to_string().bytes() {
                    let _ = if lower {
                        std::fmt::Write::write_fmt(&mut out, format_args!("%{b:02x}"))
                    } else {
                        std::fmt::Write::write_fmt(&mut out, format_args!("%{b:02X}"))
                    };
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    /// A link of our scheme with its parts mutated: the `#` and slashes, the `gen` segment and its number, the
    /// query's keys, values, separators and repetitions, junk after it; sometimes percent-encoded in part.
    fn near_valid() -> impl Strategy<Value = String> {
        let prefix = select(&["", "#", "#", "#", "##", "#!", " #", "#\0", "/#", "#?"][..]);
        let slashes = select(&["", "/", "/", "//", "///"][..]);
        let segment = select(
            &[
                "gen",
                "gen",
                "gen",
                "gen",
                "Gen",
                "GEN",
                "ge",
                "gen ",
                "generation",
                "%67en",
                "gen%2F",
                "gen\0",
            ][..],
        );
        let number = prop_oneof![
            6 => (1u8..=6).prop_map(|n| n.to_string()),
            1 => (0u8..=9).prop_map(|n| format!("0{n}")),
            3 => select(
                &[
                    "", "0", "00", "7", "9", "006", "10", "66", "255", "256", "65536", "-1", "+3", "3.0", " 3",
                    "3 ", "3\0", "٣", "３", "%33", "3%20", "3/4", "3/", "/3", "x", "3?", "3#",
                ][..]
            )
            .prop_map(str::to_owned),
            1 => any::<u64>().prop_map(|n| n.to_string()),
        ];
        let path = prop_oneof![
            1 => Just(String::new()),
            4 => (segment, number).prop_map(|(s, n)| format!("{s}/{n}")),
        ];
        let key = select(
            &[
                "lang", "lang", "lang", "lang", "Lang", "LANG", "lang ", " lang", "lan", "langg",
                "xlang", "lang[]", "l%61ng", "x", "theme", "",
            ][..],
        );
        let value = select(
            &[
                "ko",
                "en",
                "ko",
                "en",
                "KO",
                "En",
                "ko-KR",
                "en-US",
                "fr",
                "",
                " en",
                "en ",
                "en%00",
                "%6Bo",
                "e%6E",
                "ko\0",
                "en#",
                "en=ko",
                "en/",
                "ko?lang=en",
                "🇰🇷",
            ][..],
        );
        let pair = prop_oneof![
            4 => (key.clone(), value).prop_map(|(k, v)| format!("{k}={v}")),
            1 => key.prop_map(str::to_owned),
        ];
        let query = proptest::option::of(
            (
                vec(pair, 0..6),
                select(&["&", "&", "&", "&&", ";", "&amp;"][..]),
            )
                .prop_map(|(pairs, sep)| format!("?{}", pairs.join(sep))),
        );
        let junk = prop_oneof![
            4 => Just(String::new()),
            1 => vec(piece(), 1..4).prop_map(|p| p.concat()),
        ];
        let encoding = prop_oneof![3 => Just(0u64), 1 => any::<u64>()];
        (
            prefix,
            slashes.clone(),
            path,
            slashes,
            query,
            junk,
            encoding,
            any::<bool>(),
        )
            .prop_map(|(prefix, lead, path, trail, query, junk, mask, lower)| {
                let link = format!(
                    "{prefix}{lead}{path}{trail}{}{junk}",
                    query.unwrap_or_default()
                );
                percent_encoded(&link, mask, lower)
            })
    }

    /// What happens to a link on its way: a character inserted, deleted, replaced or escaped, or the rest of the
    /// link pasted twice.
    #[derive(Clone, Debug)]
    enum Edit {
        Insert(String),
        Delete,
        Replace(String),
        Escape,
        Double,
    }

    fn edit() -> impl Strategy<Value = (Index, Edit)> {
        let edit = prop_oneof![
            piece().prop_map(Edit::Insert),
            Just(Edit::Delete),
            piece().prop_map(Edit::Replace),
            Just(Edit::Escape),
            Just(Edit::Double),
        ];
        (any::<Index>(), edit)
    }

    /// A link the app wrote, mangled by one to four edits.
    fn mangled() -> impl Strategy<Value = String> {
        (any_route(), vec(edit(), 1..5)).prop_map(|(route, edits)| {
            let mut chars: Vec<char> = route.to_string().chars().collect();
            for (at, edit) in edits {
                let i = at.index(chars.len() + 1);
                let rest = i.min(chars.len().saturating_sub(1));
                match edit {
                    Edit::Insert(s) => {
                        chars.splice(i..i, s.chars());
                    }
                    Edit::Delete if !chars.is_empty() => {
                        chars.remove(rest);
                    }
                    Edit::Replace(s) if !chars.is_empty() => {
                        chars.splice(rest..=rest, s.chars());
                    }
                    Edit::Escape if !chars.is_empty() => {
                        let escaped = percent_encoded(&chars[rest].to_string(), 1, false);
                        chars.splice(rest..=rest, escaped.chars());
                    }
                    Edit::Double => {
                        let tail: Vec<char> = chars[i..].to_vec();
                        chars.extend(tail);
                    }
                    _ => {}
                }
            }
            chars.into_iter().collect()
        })
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn routes_round_trip(route in any_route()) {
            prop_assert_eq!(Route::parse(&route.to_string()), Ok(route));
        }

        /// Any text: no panic; a route that prints canonically and round-trips, or an error with a short,
        /// printable excerpt and the language of the link's last `lang=`.
        #[test]
        fn any_text_keeps_the_rules(hash in any_text()) {
            check(&hash)?;
        }

        #[test]
        fn near_valid_links_keep_the_rules(hash in near_valid()) {
            check(&hash)?;
        }

        #[test]
        fn mangled_links_keep_the_rules(hash in mangled()) {
            check(&hash)?;
        }
    }

    /// Parsing takes time in proportion to the input, whatever it repeats. For each case, a unit of link pieces
    /// is repeated to 512 bytes and to 8 KB, and each is parsed once; summed over all cases, the long inputs must
    /// take less than 32 times as long as the short ones. A linear parse stays at or below 16 (fixed costs only
    /// bring it down: it measures 3 to 6 in a test build), a quadratic one goes towards 256. A ratio of sums,
    /// not a clock bound, so that a slow or busy machine passes and a quadratic parse does not. (`any_text` has
    /// inputs up to 64 KB; longer inputs here would only make the test slower.)
    #[test]
    fn parse_time_grows_linearly() {
        const SMALL: usize = 512;
        const FACTOR: u32 = 16;
        let (short, long) = (Cell::new(Duration::ZERO), Cell::new(Duration::ZERO));
        // No saved failures to replay: a failure here is of the sum, not of one case.
        let mut runner = TestRunner::new(ProptestConfig {
            failure_persistence: None,
            ..config()
        });
        let result = runner.run(&vec(piece(), 1..6), |unit| {
            let unit = unit.concat();
            let inputs = [
                repeat_to(&unit, SMALL),
                repeat_to(&unit, SMALL * FACTOR as usize),
            ];
            for (input, total) in inputs.iter().zip([&short, &long]) {
                let start = Instant::now();
                black_box(Route::parse(black_box(input))).ok();
                total.set(total.get() + start.elapsed());
            }
            Ok(())
        });
        assert!(result.is_ok(), "{result:?}");
        let (short, long) = (short.get(), long.get());
        println!("parse: {short:?} for all 512-byte inputs, {long:?} for all 8 KB inputs");
        assert!(
            long < short * FACTOR * 2,
            "8 KB inputs took {long:?}, 512-byte inputs {short:?}: parse time grows faster than the input"
        );
    }
}
