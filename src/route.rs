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

/// Property tests (native only: proptest is not built for wasm).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

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

    proptest! {
        #[test]
        fn round_trip(route in any_route()) {
            prop_assert_eq!(Route::parse(&route.to_string()), Ok(route));
        }

        #[test]
        fn never_panics(hash in ".{0,64}") {
            let _ = Route::parse(&hash);
        }

        #[test]
        fn parsed_routes_print_canonically(hash in "#?/?(gen/[0-9]{1,3})?/?(\\?lang=[a-z]{2})?") {
            if let Ok(route) = Route::parse(&hash) {
                prop_assert_eq!(Route::parse(&route.to_string()), Ok(route));
            }
        }
    }
}
