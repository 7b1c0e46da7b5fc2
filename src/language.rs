//! The reader's language: the link's `?lang=`, else the saved choice, else the browser's languages.
//! The rules are plain functions (tested natively); [`Language`] ties them to the router and storage,
//! and [`tr`] puts a text in the current language into a view.

use leptos::prelude::*;

use crate::data::{Lang, Text};
use crate::platform::{self, HistoryMode, storage};
use crate::router::Router;

/// Key in `localStorage`.
pub const LANG_KEY: &str = "wie.lang";

/// The language from the browser's preferred languages: Korean if the first is Korean (`ko`, `ko-KR`, in any
/// case; not `kok`, Konkani), else English;
/// Korean (the post's language) when the browser names none.
pub fn from_browser<'a>(languages: impl IntoIterator<Item = &'a str>) -> Lang {
    match languages.into_iter().next() {
        Some(tag) if primary_subtag(tag).eq_ignore_ascii_case("ko") => Lang::Ko,
        Some(_) => Lang::En,
        None => Lang::Ko,
    }
}

/// The language of a BCP 47 tag: the part before the first `-` (browsers also write `_`).
fn primary_subtag(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or_default()
}

/// The language to show: what the link says, else what the reader saved, else the browser's.
pub fn resolve(from_url: Option<Lang>, saved: Option<Lang>, browser: Lang) -> Lang {
    from_url.or(saved).unwrap_or(browser)
}

/// The language everything is shown in, and the switch. `Copy`, provided by [`crate::App`].
///
/// Texts are in the page in both languages (see [`tr`]) and CSS shows the one `<html lang>` names, so a change
/// of language rebuilds nothing; only attributes, the title and announcements follow [`Language::lang`].
#[derive(Clone, Copy)]
pub struct Language {
    /// The language shown.
    pub lang: Memo<Lang>,
    /// The language the reader saved, if any.
    saved: RwSignal<Option<Lang>>,
    /// The language the browser prefers.
    browser: RwSignal<Lang>,
    router: Router,
}

impl Language {
    /// Reads the saved choice and the browser's languages, and follows the link's. When the app adopts the
    /// prerendered page it starts as that page was rendered (nothing saved, Korean) and [`Language::catch_up`]s.
    pub fn install(router: Router, adopting: bool) -> Language {
        let saved = RwSignal::new(None);
        let browser = RwSignal::new(Lang::Ko);
        let language = Language {
            lang: Memo::new(move |_| resolve(router.asked_lang(), saved.get(), browser.get())),
            saved,
            browser,
            router,
        };
        if !adopting {
            language.catch_up();
        }
        language
    }

    /// Reads what the reader saved and what the browser prefers.
    pub fn catch_up(self) {
        self.saved
            .set(storage::get(LANG_KEY).as_deref().and_then(Lang::from_code));
        let languages = platform::languages();
        self.browser
            .set(from_browser(languages.iter().map(String::as_str)));
    }

    /// Switches the language: written into the link (so a shared link keeps it) and saved for next time.
    pub fn set(self, lang: Lang) {
        storage::set(LANG_KEY, lang.code());
        self.saved.set(Some(lang));
        let route = untrack(|| self.router.route()).with_lang(Some(lang));
        self.router.write(route, HistoryMode::Replace);
    }
}

/// The language provided by [`crate::App`].
pub fn use_language() -> Language {
    crate::context()
}

/// The current language, as a signal.
pub fn use_lang() -> Memo<Lang> {
    use_language().lang
}

/// `text` in both languages, each in its own element; the stylesheet shows the one `<html lang>` names
/// (`style/base.css`). The page can switch language, and be prerendered in the reader's language, without
/// rendering anything again.
pub fn tr(text: Text) -> impl IntoView + use<> {
    view! { <span class="ko" lang="ko">{text.ko}</span><span class="en" lang="en">{text.en}</span> }
}

/// Like [`tr`], for words made for each language by `words`.
pub fn tr_with(words: &dyn Fn(Lang) -> String) -> impl IntoView + use<> {
    let (ko, en) = (words(Lang::Ko), words(Lang::En));
    view! { <span class="ko" lang="ko">{ko}</span><span class="en" lang="en">{en}</span> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_languages() {
        assert_eq!(from_browser(["ko-KR", "en"]), Lang::Ko);
        assert_eq!(from_browser(["KO"]), Lang::Ko);
        assert_eq!(from_browser(["en-US", "ko"]), Lang::En);
        assert_eq!(from_browser(["ja"]), Lang::En);
        assert_eq!(from_browser(["k"]), Lang::En);
        assert_eq!(from_browser(["kok-IN"]), Lang::En, "Konkani");
        assert_eq!(from_browser(["ko_KR"]), Lang::Ko);
        assert_eq!(from_browser([]), Lang::Ko);
    }

    /// `assets/boot.js` sets `<html lang>` before first paint with its own copy of the rules.
    #[test]
    fn boot_script_uses_the_same_key_and_rules() {
        let boot = include_str!("../assets/boot.js");
        assert!(
            boot.contains(&format!("getItem(\"{LANG_KEY}\")")),
            "boot.js must read {LANG_KEY}"
        );
        for lang in Lang::ALL {
            assert!(
                boot.contains(&format!("v === \"{}\"", lang.code())),
                "boot.js must know {lang:?}"
            );
        }
        assert!(
            boot.contains("indexOf(\"lang=\")"),
            "boot.js must read the link's lang="
        );
        assert!(
            boot.contains("split(/[-_]/)[0].toLowerCase() === \"ko\" ? \"ko\" : \"en\""),
            "boot.js: browsers whose first language is Korean read Korean"
        );
    }

    #[test]
    fn url_beats_saved_beats_browser() {
        assert_eq!(resolve(Some(Lang::En), Some(Lang::Ko), Lang::Ko), Lang::En);
        assert_eq!(resolve(None, Some(Lang::En), Lang::Ko), Lang::En);
        assert_eq!(resolve(None, None, Lang::En), Lang::En);
    }
}

/// Property tests (native only: proptest is not built for wasm). What the reader saved, what the browser says and
/// what the link asks for are outside input: any text must be refused unless it is exactly a code.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use proptest::collection::vec;
    use proptest::prelude::*;

    use super::*;
    use crate::fuzzing::config;
    use crate::route::Route;

    /// The language `code` names, read as the docs say: exactly `ko` or `en`, nothing else.
    fn exact(code: &str) -> Option<Lang> {
        match code {
            "ko" => Some(Lang::Ko),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The browser's rule: Korean if the first language is `ko` in any ASCII case, alone or followed by `-` or
    /// `_` and a region or script; Korean if there is none; else English.
    fn browser_rule(languages: &[String]) -> Lang {
        match languages.first() {
            None => Lang::Ko,
            Some(tag)
                if tag.len() >= 2
                    && tag.as_bytes()[..2].eq_ignore_ascii_case(b"ko")
                    && matches!(tag.as_bytes().get(2), None | Some(b'-' | b'_')) =>
            {
                Lang::Ko
            }
            Some(_) => Lang::En,
        }
    }

    /// What a saved value or a browser language can be: any text, a language tag, or a code with one thing
    /// changed (case, a space, a NUL, quotes from a JSON round trip, a look-alike letter).
    fn code_like() -> impl Strategy<Value = String> {
        crate::fuzzing::code_like(
            &["ko", "en"],
            &[
                "ko",
                "en",
                "ko",
                "en",
                "KO",
                "Ko",
                "kO",
                "EN",
                "En",
                "ko-KR",
                "ko_KR",
                "ko-Kore-KR",
                "en-US",
                "en-GB",
                "ja-JP",
                "zh-Hans-CN",
                "kok",
                "kor",
                "eng",
                "k",
                "e",
                "",
                "*",
                "\"ko\"",
                "\"en\"",
                "ko\0",
                "en\n",
                " ko",
                "en ",
                "ｋｏ",
                "\u{212a}o",
                "kö",
                "한국어",
                "ko\u{200b}",
                "\u{feff}en",
                "null",
                "undefined",
                "i-klingon",
                "x-private",
            ],
        )
    }

    proptest! {
        #![proptest_config(config())]

        /// A saved language is accepted only when it is exactly a code, and then it is that code.
        #[test]
        fn saved_language_is_exactly_a_code(saved in code_like()) {
            let lang = Lang::from_code(&saved);
            prop_assert_eq!(lang, exact(&saved));
            if let Some(lang) = lang {
                prop_assert_eq!(lang.code(), saved.as_str());
            }
        }

        /// Korean for a first language `ko`/`ko-*` or none, English otherwise; the later languages do not matter.
        #[test]
        fn browser_languages_follow_the_rule(languages in vec(code_like(), 0..5)) {
            let lang = from_browser(languages.iter().map(String::as_str));
            prop_assert_eq!(lang, browser_rule(&languages));
            prop_assert_eq!(lang, from_browser(languages.iter().take(1).map(String::as_str)));
        }

        /// The language shown: the link's `?lang=` if it is exactly a code, else the saved one if it is exactly a
        /// code, else the browser's.
        #[test]
        fn link_beats_saved_beats_browser(
            asked in code_like(),
            saved in code_like(),
            languages in vec(code_like(), 0..4),
        ) {
            // `&` and `?` would start another pair or another query.
            let asked = asked.replace(['&', '?'], "");
            let link = format!("#/gen/3?lang={asked}");
            let from_url = match Route::parse(&link) {
                Ok(route) => route.lang,
                Err(err) => err.lang,
            };
            prop_assert_eq!(from_url, exact(&asked), "{:?}", link);
            let lang = resolve(
                from_url,
                Lang::from_code(&saved),
                from_browser(languages.iter().map(String::as_str)),
            );
            let expected = exact(&asked)
                .or(exact(&saved))
                .unwrap_or_else(|| browser_rule(&languages));
            prop_assert_eq!(lang, expected);
        }
    }
}
