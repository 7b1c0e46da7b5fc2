//! The colour theme: light, dark, or following the system. `<html data-theme>` carries the result; it is
//! first set before paint by `assets/boot.js` (same key, same rule: a test below keeps them equal).

use leptos::prelude::*;

use crate::platform::{self, storage};

/// Key in `localStorage`.
pub const THEME_KEY: &str = "wie.theme";

thread_local! {
    /// The listener for the system's dark mode, while the app lives.
    static SYSTEM_LISTENER: std::cell::Cell<Option<gloo_events::EventListener>> = const { std::cell::Cell::new(None) };
}
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

/// The reader's theme choice and the system's preference. `Copy`, provided by [`crate::App`].
#[derive(Clone, Copy)]
pub struct ThemeChoice {
    /// The theme the reader chose (saved).
    pub theme: RwSignal<Theme>,
    /// Whether the system prefers dark, kept current.
    system_dark: RwSignal<bool>,
}

impl ThemeChoice {
    /// Reads the saved choice and, in the browser, keeps `<html data-theme>` in step. When the app adopts the
    /// prerendered page it starts as that page was rendered (nothing saved) and [`ThemeChoice::catch_up`]s.
    pub fn install(adopting: bool) -> ThemeChoice {
        let choice = ThemeChoice {
            theme: RwSignal::new(Theme::default()),
            system_dark: RwSignal::new(false),
        };
        if !adopting {
            choice.catch_up();
        }
        if platform::IN_BROWSER {
            choice.follow_system();
            crate::effect(move |_| {
                let dark = choice.theme.get().is_dark(choice.system_dark.get());
                if let Some(root) = platform::root_element() {
                    let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
                }
            });
        }
        choice
    }

    /// Reads the saved choice.
    pub fn catch_up(self) {
        let saved = storage::get(THEME_KEY)
            .as_deref()
            .and_then(Theme::from_code);
        self.theme.set(saved.unwrap_or_default());
    }

    /// Follows `prefers-color-scheme` for the "system" choice. The listener is not `Send`, so it is kept
    /// in a local stored value and dropped (removed) when the app is.
    fn follow_system(self) {
        let Some(query) = platform::dark_mode_query() else {
            return;
        };
        self.system_dark.set(query.matches());
        let system_dark = self.system_dark;
        let listener = gloo_events::EventListener::new(&query, "change", move |_| {
            if let Some(query) = platform::dark_mode_query() {
                system_dark.set(query.matches());
            }
        });
        // Kept beside the app rather than in a `StoredValue::new_local`, whose thread check costs the wasm
        // `std::thread::current`; dropping it removes it.
        SYSTEM_LISTENER.set(Some(listener));
        on_cleanup(|| drop(SYSTEM_LISTENER.take()));
    }

    /// Switches and saves the colour theme.
    pub fn set(self, theme: Theme) {
        storage::set(THEME_KEY, theme.code());
        self.theme.set(theme);
    }
}

/// The theme choice provided by [`crate::App`].
pub fn use_theme() -> ThemeChoice {
    crate::context()
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

    /// `assets/boot.js` sets the theme before first paint with its own copy of the key and the rule.
    #[test]
    fn boot_script_uses_the_same_key_and_rule() {
        let boot = include_str!("../assets/boot.js");
        assert!(
            boot.contains(&format!("getItem(\"{THEME_KEY}\")")),
            "boot.js must read {THEME_KEY}"
        );
        // Its rule, spelled out: a saved "dark" is dark, a saved "light" is light, anything else follows
        // the system. The same as `Theme::from_code(saved).unwrap_or_default().is_dark(system)`.
        assert!(boot.contains(&format!("saved === \"{}\"", Theme::Dark.code())));
        assert!(boot.contains(&format!("saved !== \"{}\"", Theme::Light.code())));
        assert!(boot.contains("(prefers-color-scheme: dark)"));
    }
}

/// Property tests (native only: proptest is not built for wasm). The saved theme is outside input: anything but
/// an exact code (a value from a future version, a corrupted one) must fall back to following the system.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::fuzzing::config;

    /// The theme `code` names: exactly one of the three codes, nothing else.
    fn exact(code: &str) -> Option<Theme> {
        match code {
            "system" => Some(Theme::System),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// What a saved theme can be: any text, a near miss, or a code with one thing changed.
    fn code_like() -> impl Strategy<Value = String> {
        crate::fuzzing::code_like(
            &["system", "light", "dark"],
            &[
                "system",
                "light",
                "dark",
                "Dark",
                "DARK",
                "Light",
                "System",
                " dark",
                "dark ",
                "dark\n",
                "\"dark\"",
                "dark\0",
                "darkk",
                "dar",
                "lite",
                "auto",
                "high-contrast",
                "",
                "null",
                "undefined",
                "ｄａｒｋ",
                "dark\u{200b}",
                "1",
                "true",
                "{\"theme\":\"dark\"}",
            ],
        )
    }

    proptest! {
        #![proptest_config(config())]

        /// A saved theme is accepted only when it is exactly a code, and then it is that code.
        #[test]
        fn saved_theme_is_exactly_a_code(saved in code_like()) {
            let theme = Theme::from_code(&saved);
            prop_assert_eq!(theme, exact(&saved));
            if let Some(theme) = theme {
                prop_assert_eq!(theme.code(), saved.as_str());
            }
        }

        /// Whatever is saved, the page is dark exactly when `assets/boot.js` paints it dark before the app starts:
        /// a saved "dark", or the system's dark unless "light" is saved.
        #[test]
        fn saved_theme_is_drawn_as_the_boot_script_draws_it(saved in code_like(), system_dark in any::<bool>()) {
            let dark = Theme::from_code(&saved).unwrap_or_default().is_dark(system_dark);
            prop_assert_eq!(dark, saved == "dark" || (saved != "light" && system_dark));
        }
    }
}
