//! The header's controls: language and theme.

use leptos::prelude::*;

use crate::components::is_plain_click;
use crate::data::Lang;
use crate::language::{tr, tr_attr, use_language};
use crate::router::use_router;
use crate::strings;
use crate::theme::{Theme, use_theme};

/// Language links (each a shareable URL in that language) and the theme choice.
#[component]
pub fn Settings() -> impl IntoView {
    let router = use_router();
    let language = use_language();
    let theme = use_theme();
    let languages = Lang::ALL.map(|l| {
        let href = move || router.route().with_lang(Some(l)).to_string();
        let on_click = move |ev: leptos::ev::MouseEvent| {
            if is_plain_click(&ev) {
                ev.prevent_default();
                language.set(l);
            }
        };
        view! {
            <a
                class="lang-link"
                href=href
                hreflang=l.code()
                lang=l.code()
                aria-current=move || (language.lang.get() == l).then_some("true")
                on:click=on_click
            >
                {strings::lang_name(l)}
            </a>
        }
    });
    let options = Theme::ALL.map(|t| {
        view! {
            <option value=t.code() selected=move || theme.theme.get() == t>
                {tr_attr(strings::theme_name(t))}
            </option>
        }
    });
    view! {
        <div class="settings" role="group" aria-label=tr_attr(strings::SETTINGS)>
            <nav class="lang-switch" aria-label=tr_attr(strings::LANGUAGE)>
                {languages.into_iter().collect_view()}
            </nav>
            <label class="theme-choice">
                <span>{tr(strings::THEME)}</span>
                <select on:change:target=move |ev| {
                    if let Some(choice) = Theme::from_code(&ev.target().value()) {
                        theme.set(choice);
                    }
                }>
                    {options.into_iter().collect_view()}
                </select>
            </label>
        </div>
    }
}
