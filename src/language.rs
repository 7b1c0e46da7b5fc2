//! The reader's language: the link's `?lang=`, else the saved choice, else the browser's languages.
//! The rules are plain functions (tested natively); [`Language`] ties them to the router and storage,
//! and [`tr`] puts a text in the current language into a view.

use leptos::prelude::*;

use crate::data::{Lang, Text};
use crate::platform::{self, HistoryMode, storage};
use crate::router::Router;

/// Key in `localStorage`.
pub const LANG_KEY: &str = "wie.lang";

/// The language from the browser's preferred languages: Korean if the first is `ko*`, else English;
/// Korean (the post's language) when the browser names none.
pub fn from_browser<'a>(languages: impl IntoIterator<Item = &'a str>) -> Lang {
    match languages.into_iter().next() {
        Some(tag) if tag.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("ko")) => Lang::Ko,
        Some(_) => Lang::En,
        None => Lang::Ko,
    }
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
            lang: Memo::new(move |_| resolve(router.asked_lang.get(), saved.get(), browser.get())),
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
        let route = self.router.route.get_untracked().with_lang(Some(lang));
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

/// `text` in the current language, following it: for an attribute (`aria-label`) or an `<option>`, which
/// can't hold both.
pub fn tr_attr(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || text.get(lang.get())
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
            boot.contains("=== \"ko\" ? \"ko\" : \"en\""),
            "boot.js: ko* browsers read Korean"
        );
    }

    #[test]
    fn url_beats_saved_beats_browser() {
        assert_eq!(resolve(Some(Lang::En), Some(Lang::Ko), Lang::Ko), Lang::En);
        assert_eq!(resolve(None, Some(Lang::En), Lang::Ko), Lang::En);
        assert_eq!(resolve(None, None, Lang::En), Lang::En);
    }
}
