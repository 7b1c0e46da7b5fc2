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
#[derive(Clone, Copy)]
pub struct Language {
    /// The language shown.
    pub lang: Memo<Lang>,
    /// The language the reader saved, if any.
    saved: RwSignal<Option<Lang>>,
    router: Router,
}

impl Language {
    /// Reads the saved choice and the browser's languages, and follows the link's.
    pub fn install(router: Router) -> Language {
        let saved = RwSignal::new(storage::get(LANG_KEY).as_deref().and_then(Lang::from_code));
        let languages = platform::languages();
        let browser = from_browser(languages.iter().map(String::as_str));
        let lang = Memo::new(move |_| resolve(router.asked_lang.get(), saved.get(), browser));
        Language {
            lang,
            saved,
            router,
        }
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
    expect_context::<Language>()
}

/// The current language, as a signal.
pub fn use_lang() -> Memo<Lang> {
    use_language().lang
}

/// `text` in the current language, following it: for a text node or an attribute in a view.
pub fn tr(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
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

    #[test]
    fn url_beats_saved_beats_browser() {
        assert_eq!(resolve(Some(Lang::En), Some(Lang::Ko), Lang::Ko), Lang::En);
        assert_eq!(resolve(None, Some(Lang::En), Lang::Ko), Lang::En);
        assert_eq!(resolve(None, None, Lang::En), Lang::En);
    }
}
