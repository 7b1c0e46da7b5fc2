//! The URL fragment is the single source of truth for what is shown.
//!
//! Scheme: `#/` is the overview, `#/gen/3` generation 3, `#/compare/2,4` generations 2 and 4 side by side (two or
//! three, in the order given), `#/tech` the index of technologies and `#/tech/Kubernetes` one of them. Settings
//! ride along as a query after the path, `#/gen/3?lang=en`, so a shared link keeps them.
//! A hash fragment (not a path) is used because the app is static: any CDN, any sub-path and `file://`
//! serve the same `index.html` for every deep link without server rewrites.

use std::fmt::{self, Write as _};

use crate::data::{GenerationId, Lang, TechId};

/// What is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// All generations: the overview.
    #[default]
    Overview,
    /// One generation in full.
    Generation(GenerationId),
    /// Two or three generations side by side.
    Compare(Selection),
    /// The index of technologies, one of them in focus.
    Tech(Option<TechId>),
    /// The presentation: one slide per generation, then the summary table.
    Present(Slide),
}

impl View {
    /// The generation shown in full, if one is (also as a slide).
    pub const fn generation(self) -> Option<GenerationId> {
        match self {
            View::Generation(id) => Some(id),
            View::Present(slide) => slide.generation(),
            _ => None,
        }
    }

    /// The slide shown, in the presentation.
    pub const fn slide(self) -> Option<Slide> {
        match self {
            View::Present(slide) => Some(slide),
            _ => None,
        }
    }

    /// The comparison shown, if one is.
    pub const fn compare(self) -> Option<Selection> {
        match self {
            View::Compare(selection) => Some(selection),
            _ => None,
        }
    }

    /// The view after the reader picks `id` on the timeline to compare it (Shift+click): from one generation,
    /// the two side by side; in a comparison, `id` in or out (taking one of two out shows the other alone; a
    /// fourth is not taken); from any other view, `id` alone, which the next pick compares.
    pub fn picking(self, id: GenerationId) -> View {
        match self {
            View::Generation(a) => Selection::new(&[a, id]).map_or(self, View::Compare),
            View::Compare(s) => match s.toggled(id) {
                Some(next) => View::Compare(next),
                None if s.contains(id) => View::of(s.ids().iter().copied().find(|&i| i != id)),
                None => self,
            },
            View::Overview | View::Tech(_) | View::Present(_) => View::Generation(id),
        }
    }

    /// One generation, or the overview.
    pub const fn of(generation: Option<GenerationId>) -> View {
        match generation {
            Some(id) => View::Generation(id),
            None => View::Overview,
        }
    }
}

/// The generations of a comparison: two or three, all different, in the reader's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    ids: [GenerationId; Selection::MAX],
    len: u8,
}

impl Selection {
    /// The most generations compared at once.
    pub const MAX: usize = 3;
    /// The fewest.
    pub const MIN: usize = 2;

    /// `Some` for two or three different generations.
    pub fn new(ids: &[GenerationId]) -> Option<Selection> {
        if !(Self::MIN..=Self::MAX).contains(&ids.len())
            || ids.iter().enumerate().any(|(i, id)| ids[..i].contains(id))
        {
            return None;
        }
        let mut all = [GenerationId::FIRST; Self::MAX];
        all[..ids.len()].copy_from_slice(ids);
        Some(Selection {
            ids: all,
            len: u8::try_from(ids.len()).ok()?,
        })
    }

    /// The generations, in order.
    pub fn ids(&self) -> &[GenerationId] {
        &self.ids[..usize::from(self.len)]
    }

    pub fn contains(&self, id: GenerationId) -> bool {
        self.ids().contains(&id)
    }

    /// With `id` added at the end (`None` when it is in already, or three are).
    pub fn with(&self, id: GenerationId) -> Option<Selection> {
        let mut ids = self.ids().to_vec();
        ids.push(id);
        Selection::new(&ids)
    }

    /// Without `id` (`None` when only two are left).
    pub fn without(&self, id: GenerationId) -> Option<Selection> {
        let ids: Vec<GenerationId> = self.ids().iter().copied().filter(|&i| i != id).collect();
        Selection::new(&ids)
    }

    /// With `id` added or, if it is in, removed (`None` when that can't be: two must stay, three at most).
    pub fn toggled(&self, id: GenerationId) -> Option<Selection> {
        if self.contains(id) {
            self.without(id)
        } else {
            self.with(id)
        }
    }

    /// With the column at `i` swapped with the one before it (the first with the last).
    #[must_use]
    pub fn swapped(&self, i: usize) -> Selection {
        let mut next = *self;
        let len = usize::from(self.len);
        if i < len {
            next.ids.swap(i, (i + len - 1) % len);
        }
        next
    }

    /// A comparison to start from `id`: it and the generation after it (before it, for the last).
    pub fn starting_at(id: GenerationId) -> Selection {
        let other = id.next().or(id.prev()).unwrap_or(id);
        Selection::new(&[id, other]).unwrap_or(Selection {
            ids: [GenerationId::FIRST; Self::MAX],
            len: 0,
        })
    }
}

/// A slide of the presentation: 1 to 6 are the generations, the last is the summary table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Slide(u8);

impl Slide {
    pub const FIRST: Slide = Slide(1);
    /// The summary table, after the six generations.
    pub const LAST: Slide = Slide(GenerationId::LAST.get() + 1);

    /// `Some` for 1 to 7.
    pub const fn new(n: u8) -> Option<Slide> {
        if n >= Slide::FIRST.0 && n <= Slide::LAST.0 {
            Some(Slide(n))
        } else {
            None
        }
    }

    pub const fn get(self) -> u8 {
        self.0
    }

    /// The generation on this slide (`None` on the summary's).
    pub const fn generation(self) -> Option<GenerationId> {
        GenerationId::new(self.0)
    }

    /// The slide of generation `id`.
    pub const fn of(id: GenerationId) -> Slide {
        Slide(id.get())
    }

    /// Where `command` leads from this slide: the moves between generations, over the slides; `None` leaves
    /// the presentation.
    pub fn apply(self, command: crate::nav::Command) -> Option<Slide> {
        use crate::nav::Command;
        match command {
            Command::Next => Some(Slide::new(self.0 + 1).unwrap_or(self)),
            Command::Prev => Some(Slide::new(self.0 - 1).unwrap_or(self)),
            Command::First => Some(Slide::FIRST),
            Command::Last => Some(Slide::LAST),
            Command::Jump(id) => Some(Slide::of(id)),
            Command::Overview => None,
        }
    }
}

/// What the URL asks the app to show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Route {
    pub view: View,
    /// The language the link asks for, if it says.
    pub lang: Option<Lang>,
}

/// Why a fragment could not be understood: a short, printable excerpt of what was given, and what is shown instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteError {
    /// At most [`RouteError::EXCERPT_CHARS`] characters of the fragment, for a polite notice.
    pub excerpt: String,
    /// The language the bad link asks for, if its query says: the notice is written in it.
    pub lang: Option<Lang>,
    /// The nearest view the link makes sense as: `#/compare/2` shows generation 2, `#/compare/1,2,3,4` the
    /// first three, `#/tech/nope` the index; anything else the overview.
    pub fallback: View,
}

impl RouteError {
    /// How much of a bad fragment a notice repeats back.
    pub const EXCERPT_CHARS: usize = 32;

    fn new(hash: &str, fallback: View) -> RouteError {
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
            fallback,
        }
    }
}

impl Route {
    /// The overview, in whatever language applies.
    pub const OVERVIEW: Route = Route {
        view: View::Overview,
        lang: None,
    };

    /// A route to generation `id`.
    pub const fn generation(id: GenerationId) -> Route {
        Route::to(View::Generation(id))
    }

    /// A route to `view`.
    pub const fn to(view: View) -> Route {
        Route { view, lang: None }
    }

    /// The same route showing `view`, keeping the other settings.
    pub const fn with_view(self, view: View) -> Route {
        Route { view, ..self }
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
    /// A [`RouteError`] for a path the app does not know, with an excerpt of it for the notice and the view
    /// nearest to what it asked for.
    pub fn parse(hash: &str) -> Result<Route, RouteError> {
        let body = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = match body.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (body, None),
        };
        let path = path.trim_start_matches('/').trim_end_matches('/');
        let (head, rest) = path.split_once('/').unwrap_or((path, ""));
        let bad = |fallback| Err(RouteError::new(hash, fallback));
        let view = match (head, rest) {
            ("", "") => View::Overview,
            ("gen", n) => match parse_generation(n) {
                Some(id) => View::Generation(id),
                None => return bad(View::Overview),
            },
            ("compare", list) => match parse_selection(list) {
                Ok(view) => view,
                Err(fallback) => return bad(fallback),
            },
            ("present", "") => View::Present(Slide::FIRST),
            ("present", n) => match n
                .parse::<u8>()
                .ok()
                .filter(|_| n.len() == 1)
                .and_then(Slide::new)
            {
                Some(slide) => View::Present(slide),
                None => return bad(View::Present(Slide::FIRST)),
            },
            ("tech", "") => View::Tech(None),
            ("tech", name) => match percent_decode(name).as_deref().and_then(TechId::find) {
                Some(tech) => View::Tech(Some(tech)),
                None => return bad(View::Tech(None)),
            },
            _ => return bad(View::Overview),
        };
        Ok(Route {
            view,
            lang: query_lang(query),
        })
    }
}

/// `2,4` → generations 2 and 4 compared. Anything else is `Err` with the nearest view: the valid, different
/// generations it names, as a comparison of the first three, one generation, or the overview.
fn parse_selection(list: &str) -> Result<View, View> {
    let mut ids: Vec<GenerationId> = Vec::new();
    let mut clean = true;
    for item in list.split(',') {
        match parse_generation(item) {
            Some(id) if !ids.contains(&id) && ids.len() < Selection::MAX => ids.push(id),
            _ => clean = false,
        }
    }
    let view = match (ids.as_slice(), Selection::new(&ids)) {
        (_, Some(selection)) => View::Compare(selection),
        ([id], None) => View::Generation(*id),
        _ => View::Overview,
    };
    if clean && view.compare().is_some() {
        Ok(view)
    } else {
        Err(view)
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

/// The search query a fragment carries (`q=…` in its query, the last one, `%XX`-escaped; `+` is a plus, as the
/// app writes a space as `%20`), or `""`. A broken escape is taken as written.
pub fn search_query(hash: &str) -> String {
    hash.split_once('?')
        .into_iter()
        .flat_map(|(_, q)| q.split('&'))
        .filter_map(|pair| pair.strip_prefix("q="))
        .next_back()
        .map(|q| percent_decode(q).unwrap_or_else(|| q.to_owned()))
        .unwrap_or_default()
}

/// The presentation's autoplay the fragment asks for (`play=8`: seconds per slide, 1 to 600), if any.
pub fn play_seconds(hash: &str) -> Option<u16> {
    hash.split_once('?')
        .into_iter()
        .flat_map(|(_, q)| q.split('&'))
        .filter_map(|pair| pair.strip_prefix("play="))
        .next_back()
        .and_then(|n| n.parse::<u16>().ok())
        .filter(|n| (1..=600).contains(n))
}

/// `url` (a fragment as [`Route`] writes it) with the search query `q` added, unless it is empty.
pub fn with_search(url: String, q: &str) -> String {
    if q.is_empty() {
        url
    } else {
        with_param(url, "q", q)
    }
}

/// `url` (a fragment as [`Route`] writes it) with `key=value` added to its query, the value escaped.
pub fn with_param(mut url: String, key: &str, value: &str) -> String {
    url.push(if url.contains('?') { '&' } else { '?' });
    url.push_str(key);
    url.push('=');
    let _ = write!(Encoded(&mut url), "{value}");
    url
}

/// A `fmt::Write` that writes what it is given as one escaped path or query part.
struct Encoded<'a>(&'a mut String);

impl fmt::Write for Encoded<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                self.0.push(char::from(b));
            } else {
                self.0.push('%');
                self.0.push(char::from(HEX[usize::from(b >> 4)]));
                self.0.push(char::from(HEX[usize::from(b & 15)]));
            }
        }
        Ok(())
    }
}

/// `%XX` escapes decoded; `None` for a broken escape or bytes that are not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(s.len());
    let mut rest = s.bytes();
    while let Some(b) = rest.next() {
        if b == b'%' {
            let hex = [rest.next()?, rest.next()?];
            let hex = std::str::from_utf8(&hex).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
        } else {
            bytes.push(b);
        }
    }
    String::from_utf8(bytes).ok()
}

impl fmt::Display for Route {
    /// Writes the fragment including `#`, e.g. `#/gen/3?lang=en`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.view {
            View::Overview => f.write_str("#/")?,
            View::Generation(id) => write!(f, "#/gen/{id}")?,
            View::Compare(selection) => {
                f.write_str("#/compare/")?;
                for (i, id) in selection.ids().iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    write!(f, "{id}")?;
                }
            }
            View::Present(slide) => write!(f, "#/present/{}", slide.get())?,
            View::Tech(None) => f.write_str("#/tech")?,
            View::Tech(Some(tech)) => {
                f.write_str("#/tech/")?;
                let mut name = String::new();
                let _ = Encoded(&mut name).write_str(tech.technology().name);
                f.write_str(&name)?;
            }
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

    /// Shift+click on the timeline: one generation becomes two side by side, a comparison takes or loses one,
    /// and every other view starts from the one picked.
    #[test]
    fn picking_on_the_timeline() {
        let compare = |ids: &[u8]| {
            View::Compare(
                Selection::new(&ids.iter().map(|&n| gen_id(n)).collect::<Vec<_>>()).unwrap(),
            )
        };
        let one = |n| View::Generation(gen_id(n));
        assert_eq!(one(2).picking(gen_id(4)), compare(&[2, 4]));
        assert_eq!(
            one(2).picking(gen_id(2)),
            one(2),
            "the one shown: nothing to compare"
        );
        assert_eq!(compare(&[2, 4]).picking(gen_id(6)), compare(&[2, 4, 6]));
        assert_eq!(compare(&[2, 4, 6]).picking(gen_id(4)), compare(&[2, 6]));
        assert_eq!(
            compare(&[2, 4]).picking(gen_id(2)),
            one(4),
            "one of two out: the other alone"
        );
        assert_eq!(
            compare(&[2, 4, 6]).picking(gen_id(1)),
            compare(&[2, 4, 6]),
            "no fourth"
        );
        assert_eq!(View::Overview.picking(gen_id(5)), one(5));
        assert_eq!(View::Tech(None).picking(gen_id(1)), one(1));
    }

    /// The presentation: `#/present` is slide 1, `#/present/7` the summary; moves stay within the slides and Esc
    /// leaves; a slide that does not exist shows the first with a notice; `?play=` is 1 to 600 seconds.
    #[test]
    fn presentation_links_and_slides() {
        use crate::nav::Command;
        let slide = |n| Slide::new(n).unwrap();
        assert_eq!(
            Route::parse("#/present").map(|r| r.view),
            Ok(View::Present(slide(1)))
        );
        assert_eq!(
            Route::parse("#/present/7?lang=en"),
            Ok(Route {
                view: View::Present(slide(7)),
                lang: Some(Lang::En)
            })
        );
        assert_eq!(
            Route::to(View::Present(slide(3))).to_string(),
            "#/present/3"
        );
        for bad in [
            "#/present/0",
            "#/present/8",
            "#/present/x",
            "#/present/03",
            "#/present/3/4",
        ] {
            assert_eq!(
                Route::parse(bad).map_err(|e| e.fallback),
                Err(View::Present(slide(1))),
                "{bad}"
            );
        }
        assert_eq!(View::Present(slide(3)).generation(), Some(gen_id(3)));
        assert_eq!(View::Present(slide(7)).generation(), None);
        assert_eq!(slide(6).apply(Command::Next), Some(slide(7)));
        assert_eq!(slide(7).apply(Command::Next), Some(slide(7)));
        assert_eq!(slide(1).apply(Command::Prev), Some(slide(1)));
        assert_eq!(slide(4).apply(Command::Last), Some(slide(7)));
        assert_eq!(slide(4).apply(Command::Jump(gen_id(2))), Some(slide(2)));
        assert_eq!(slide(4).apply(Command::Overview), None);
        assert_eq!(play_seconds("#/present/2?lang=en&play=8"), Some(8));
        for bad in [
            "#/present?play=0",
            "#/present?play=601",
            "#/present?play=-1",
            "#/present?play=x",
            "#/present",
        ] {
            assert_eq!(play_seconds(bad), None, "{bad}");
        }
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
                view: View::Generation(gen_id(2)),
                lang: Some(Lang::En)
            })
        );
        // Unknown values and keys fall back quietly.
        assert_eq!(Route::parse("#/?lang=fr"), Ok(Route::OVERVIEW));
        assert_eq!(
            Route::parse("#/gen/1?x=1&lang=ko"),
            Ok(Route {
                view: View::Generation(gen_id(1)),
                lang: Some(Lang::Ko)
            })
        );
    }

    #[test]
    fn display() {
        assert_eq!(Route::OVERVIEW.to_string(), "#/");
        assert_eq!(Route::generation(gen_id(4)).to_string(), "#/gen/4");
        let r = Route {
            view: View::Overview,
            lang: Some(Lang::En),
        };
        assert_eq!(r.to_string(), "#/?lang=en");
        let k8s = TechId::find("Kubernetes").unwrap();
        assert_eq!(
            Route::to(View::Tech(Some(k8s))).to_string(),
            "#/tech/Kubernetes"
        );
        let lambda = TechId::find("AWS Lambda").unwrap();
        assert_eq!(
            Route::to(View::Tech(Some(lambda))).to_string(),
            "#/tech/AWS%20Lambda"
        );
        let two_four = Selection::new(&[gen_id(2), gen_id(4)]).unwrap();
        assert_eq!(
            Route::to(View::Compare(two_four)).to_string(),
            "#/compare/2,4"
        );
    }

    fn compare(ns: &[u8]) -> View {
        let ids: Vec<GenerationId> = ns.iter().map(|&n| gen_id(n)).collect();
        View::Compare(Selection::new(&ids).unwrap())
    }

    #[test]
    fn search_queries_ride_along() {
        assert_eq!(search_query("#/gen/3?lang=en&q=%EC%BB%A8%ED%85%8C"), "컨테");
        assert_eq!(search_query("#/?q=a%20b&q=docker"), "docker");
        assert_eq!(search_query("#/?q=100%"), "100%");
        assert_eq!(search_query("#/gen/3"), "");
        let url = with_search(Route::generation(gen_id(3)).to_string(), "컨테 <b>");
        assert_eq!(url, "#/gen/3?q=%EC%BB%A8%ED%85%8C%20%3Cb%3E");
        assert_eq!(search_query(&url), "컨테 <b>");
        assert_eq!(Route::parse(&url), Ok(Route::generation(gen_id(3))));
        let both = with_search(
            Route::generation(gen_id(3))
                .with_lang(Some(Lang::En))
                .to_string(),
            "x",
        );
        assert_eq!(both, "#/gen/3?lang=en&q=x");
        assert_eq!(with_search("#/".to_owned(), ""), "#/");
    }

    #[test]
    fn comparisons() {
        let ok = |hash: &str| Route::parse(hash).map(|r| r.view);
        assert_eq!(ok("#/compare/2,4"), Ok(compare(&[2, 4])));
        assert_eq!(ok("#/compare/4,2/"), Ok(compare(&[4, 2])));
        assert_eq!(ok("#/compare/1,3,6?lang=en"), Ok(compare(&[1, 3, 6])));
        // Bad ones: a notice, and the nearest view.
        let fallback = |hash: &str| Route::parse(hash).map_err(|e| e.fallback);
        assert_eq!(fallback("#/compare/2"), Err(View::Generation(gen_id(2))));
        assert_eq!(fallback("#/compare/2,2"), Err(View::Generation(gen_id(2))));
        assert_eq!(fallback("#/compare/0,7"), Err(View::Overview));
        assert_eq!(fallback("#/compare/1,2,3,4"), Err(compare(&[1, 2, 3])));
        assert_eq!(fallback("#/compare/2,x,4"), Err(compare(&[2, 4])));
        assert_eq!(fallback("#/compare"), Err(View::Overview));
        assert_eq!(fallback("#/compare/"), Err(View::Overview));
        assert_eq!(fallback("#/compare/%%%"), Err(View::Overview));
    }

    #[test]
    fn selections() {
        let s = Selection::new(&[gen_id(2), gen_id(4)]).unwrap();
        assert_eq!(s.with(gen_id(4)), None);
        let three = s.with(gen_id(1)).unwrap();
        assert_eq!(three.ids(), &[gen_id(2), gen_id(4), gen_id(1)]);
        assert_eq!(three.with(gen_id(5)), None);
        assert_eq!(
            three.without(gen_id(4)).unwrap().ids(),
            &[gen_id(2), gen_id(1)]
        );
        assert_eq!(s.without(gen_id(2)), None);
        assert_eq!(three.swapped(1).ids(), &[gen_id(4), gen_id(2), gen_id(1)]);
        assert_eq!(three.swapped(0).ids(), &[gen_id(1), gen_id(4), gen_id(2)]);
        assert_eq!(
            Selection::starting_at(gen_id(6)).ids(),
            &[gen_id(6), gen_id(5)]
        );
        assert_eq!(Selection::new(&[gen_id(1)]), None);
        assert_eq!(
            three.toggled(gen_id(4)).unwrap().ids(),
            &[gen_id(2), gen_id(1)]
        );
        assert_eq!(three.toggled(gen_id(5)), None);
        assert_eq!(s.toggled(gen_id(4)), None);
        assert_eq!(
            s.toggled(gen_id(6)).unwrap().ids(),
            &[gen_id(2), gen_id(4), gen_id(6)]
        );
    }

    #[test]
    fn technologies() {
        let k8s = TechId::find("Kubernetes").unwrap();
        for hash in [
            "#/tech/Kubernetes",
            "#/tech/kubernetes",
            "#/tech/KUBERNETES/",
            "#/tech/Kubernete%73",
        ] {
            assert_eq!(
                Route::parse(hash).map(|r| r.view),
                Ok(View::Tech(Some(k8s))),
                "{hash}"
            );
        }
        assert_eq!(Route::parse("#/tech").map(|r| r.view), Ok(View::Tech(None)));
        for hash in [
            "#/tech/nope",
            "#/tech/%",
            "#/tech/%FF",
            "#/tech/Kubernetes/x",
        ] {
            assert_eq!(
                Route::parse(hash).map_err(|e| e.fallback),
                Err(View::Tech(None)),
                "{hash}"
            );
        }
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
        "present",
        "play=8",
        "#",
        "##",
        "/",
        "//",
        "?",
        "&",
        "=",
        "gen",
        "compare",
        "tech",
        ",",
        "Kubernetes",
        "aws%20LAMBDA",
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

    /// A generation's number as a path writes it: 1 to 6, one leading zero allowed.
    fn number(n: &str) -> Option<u8> {
        Some(match n {
            "1" | "01" => 1,
            "2" | "02" => 2,
            "3" | "03" => 3,
            "4" | "04" => 4,
            "5" | "05" => 5,
            "6" | "06" => 6,
            _ => return None,
        })
    }

    /// What a fragment's path shows: `Ok` when it is one of ours, `Err` with the view shown instead. One optional
    /// `#`, then slashes around nothing, `gen/` and a number, `compare/` and two or three different numbers
    /// separated by commas (else: the first three different valid ones, or the one, or the overview), `tech`, or
    /// `tech/` and a technology's name in any ASCII case, `%XX`-escaped in part (else: the index); up to the
    /// first `?`. Anything else: the overview.
    fn expected_view(hash: &str) -> Result<View, View> {
        let body = hash.strip_prefix('#').unwrap_or(hash);
        let path = body.split('?').next().unwrap_or_default().trim_matches('/');
        if path.is_empty() {
            return Ok(View::Overview);
        }
        if let Some(n) = path.strip_prefix("gen/") {
            return number(n)
                .and_then(GenerationId::new)
                .map(View::Generation)
                .ok_or(View::Overview);
        }
        if path == "compare" {
            return Err(View::Overview);
        }
        if let Some(list) = path.strip_prefix("compare/") {
            let items: Vec<Option<u8>> = list.split(',').map(number).collect();
            let mut valid: Vec<GenerationId> = vec![];
            for n in items.iter().flatten() {
                let id = GenerationId::new(*n).expect("a number 1 to 6");
                if !valid.contains(&id) && valid.len() < 3 {
                    valid.push(id);
                }
            }
            let clean = items.iter().all(Option::is_some) && valid.len() == items.len();
            let view = match valid.len() {
                0 => View::Overview,
                1 => View::Generation(valid[0]),
                _ => View::Compare(Selection::new(&valid).expect("two or three different")),
            };
            return if clean && valid.len() >= 2 {
                Ok(view)
            } else {
                Err(view)
            };
        }
        if path == "present" {
            return Ok(View::Present(Slide::FIRST));
        }
        if let Some(n) = path.strip_prefix("present/") {
            let digit = ["1", "2", "3", "4", "5", "6", "7"]
                .iter()
                .position(|d| *d == n);
            return digit
                .and_then(|i| Slide::new(u8::try_from(i + 1).ok()?))
                .map(View::Present)
                .ok_or(View::Present(Slide::FIRST));
        }
        if path == "tech" {
            return Ok(View::Tech(None));
        }
        if let Some(name) = path.strip_prefix("tech/") {
            let decoded = unescape(name).map(|d| d.to_ascii_lowercase());
            return crate::data::TECHNOLOGIES
                .iter()
                .find(|t| decoded.as_deref() == Some(t.name.to_ascii_lowercase().as_str()))
                .map(|t| View::Tech(TechId::of(t.name)))
                .ok_or(View::Tech(None));
        }
        Err(View::Overview)
    }

    /// `%XX` escapes undone (another way than the app's): `None` if one is broken or the bytes are not UTF-8.
    fn unescape(s: &str) -> Option<String> {
        let parts: Vec<&str> = s.split('%').collect();
        let mut bytes = parts[0].as_bytes().to_vec();
        for part in &parts[1..] {
            let hex = part.get(..2)?;
            bytes.push(
                u8::from_str_radix(hex, 16)
                    .ok()
                    .filter(|_| hex.bytes().all(|b| b.is_ascii_hexdigit()))?,
            );
            bytes.extend_from_slice(&part.as_bytes()[2..]);
        }
        String::from_utf8(bytes).ok()
    }

    /// The fragments the app writes: every view, with and without a language.
    fn canonical_forms() -> Vec<String> {
        all_views()
            .into_iter()
            .map(|view| Route::to(view).to_string())
            .flat_map(|p| [p.clone(), format!("{p}?lang=ko"), format!("{p}?lang=en")])
            .collect()
    }

    /// Every view there is.
    fn all_views() -> Vec<View> {
        let ids: Vec<GenerationId> = GenerationId::all().collect();
        let mut views = vec![View::Overview, View::Tech(None)];
        views.extend(ids.iter().map(|&id| View::Generation(id)));
        views.extend((1..=7).filter_map(Slide::new).map(View::Present));
        for &a in &ids {
            for &b in &ids {
                views.extend(Selection::new(&[a, b]).map(View::Compare));
                for &c in &ids {
                    views.extend(Selection::new(&[a, b, c]).map(View::Compare));
                }
            }
        }
        views.extend(
            crate::data::TECHNOLOGIES
                .iter()
                .filter_map(|t| TechId::of(t.name))
                .map(|t| View::Tech(Some(t))),
        );
        views
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
                    Ok(route.view),
                    expected_view(hash),
                    "the view of {:?}",
                    hash
                );
                prop_assert_eq!(route.lang, asked_lang(hash), "the lang of {:?}", hash);
            }
            Err(err) => {
                prop_assert_eq!(
                    Err(err.fallback),
                    expected_view(hash),
                    "{:?} was refused",
                    hash
                );
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
            select(all_views()),
            proptest::option::of(prop_oneof![Just(Lang::Ko), Just(Lang::En)]),
        )
            .prop_map(|(view, lang)| Route { view, lang })
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
                "compare",
                "compare",
                "tech",
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
                    "3 ", "3\0", "٣", "３", "%33", "3%20", "3/4", "3/", "/3", "x", "3?", "3#", "2,4", "4,2", "1,2,3", "1,2,3,4", "2,2", "2,", ",2", "2,,4",
                    "0,7", "Kubernetes", "helm", "AWS%20Lambda", "aws lambda", "%", "",
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

        /// Any search query (any characters, `&`, `=`, `#`, `%`, `?` included) rides in a link and comes back
        /// as it was, and leaves the route alone.
        #[test]
        fn search_queries_round_trip(route in any_route(), q in any_text()) {
            let url = with_search(route.to_string(), &q);
            prop_assert_eq!(search_query(&url), q.clone(), "{}", url);
            prop_assert_eq!(Route::parse(&url), Ok(route));
        }

        /// Any text: no panic; a route that prints canonically and round-trips, or an error with a short,
        /// printable excerpt and the language of the link's last `lang=`.
        #[test]
        fn any_text_keeps_the_rules(hash in any_text()) {
            check(&hash)?;
            let _ = search_query(&hash);
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
