//! The reader's preferences: language and theme. Pure rules here (tested natively), and a storage wrapper
//! that never throws: private modes and blocked storage simply mean "nothing saved".

use crate::data::Lang;

/// The colour theme the reader chose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the system (`prefers-color-scheme`).
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The stored and `data-*` form.
    pub const fn code(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Parses [`Theme::code`]; anything else (a corrupted saved value) is `None`.
    pub fn from_code(code: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.code() == code)
    }

    /// Whether pages are drawn dark, given whether the system prefers dark.
    pub const fn is_dark(self, system_prefers_dark: bool) -> bool {
        match self {
            Theme::System => system_prefers_dark,
            Theme::Light => false,
            Theme::Dark => true,
        }
    }
}

/// The language from the browser's preferred languages: Korean if the first is `ko*`, else English.
pub fn lang_from_browser<'a>(languages: impl IntoIterator<Item = &'a str>) -> Lang {
    match languages.into_iter().next() {
        Some(tag) if tag.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("ko")) => Lang::Ko,
        Some(_) => Lang::En,
        None => Lang::Ko,
    }
}

/// The language to show: what the link says, else what the reader saved, else the browser's.
pub fn resolve_lang(from_url: Option<Lang>, saved: Option<Lang>, browser: Lang) -> Lang {
    from_url.or(saved).unwrap_or(browser)
}

/// Keys in `localStorage`.
pub const LANG_KEY: &str = "wie.lang";
pub const THEME_KEY: &str = "wie.theme";

/// `localStorage`, if the browser lets us have it. Every failure reads as "nothing saved" and writes are
/// best effort: storage is a convenience, never a reason to fail.
pub mod storage {
    fn local() -> Option<web_sys::Storage> {
        if !crate::state::IN_BROWSER {
            return None;
        }
        web_sys::window()?.local_storage().ok().flatten()
    }

    pub fn get(key: &str) -> Option<String> {
        local()?.get_item(key).ok().flatten()
    }

    pub fn set(key: &str, value: &str) {
        if let Some(storage) = local() {
            let _ = storage.set_item(key, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_codes_round_trip_and_junk_is_none() {
        for t in Theme::ALL {
            assert_eq!(Theme::from_code(t.code()), Some(t));
        }
        for junk in ["", "Dark", "blue", "{\"a\":1}", "dark ", "\u{0}"] {
            assert_eq!(Theme::from_code(junk), None, "{junk:?}");
        }
    }

    #[test]
    fn system_theme_follows_the_system() {
        assert!(Theme::System.is_dark(true));
        assert!(!Theme::System.is_dark(false));
        assert!(Theme::Dark.is_dark(false));
        assert!(!Theme::Light.is_dark(true));
    }

    #[test]
    fn browser_languages() {
        assert_eq!(lang_from_browser(["ko-KR", "en"]), Lang::Ko);
        assert_eq!(lang_from_browser(["KO"]), Lang::Ko);
        assert_eq!(lang_from_browser(["en-US", "ko"]), Lang::En);
        assert_eq!(lang_from_browser(["ja"]), Lang::En);
        assert_eq!(lang_from_browser(["k"]), Lang::En);
        assert_eq!(lang_from_browser([]), Lang::Ko);
    }

    #[test]
    fn url_beats_saved_beats_browser() {
        assert_eq!(
            resolve_lang(Some(Lang::En), Some(Lang::Ko), Lang::Ko),
            Lang::En
        );
        assert_eq!(resolve_lang(None, Some(Lang::En), Lang::Ko), Lang::En);
        assert_eq!(resolve_lang(None, None, Lang::En), Lang::En);
    }
}
