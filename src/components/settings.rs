//! The header's controls: language and theme.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::is_plain_click;
use crate::data::Lang;
use crate::prefs::Theme;
use crate::state::use_app_state;
use crate::ui;

/// Language links (each a shareable URL in that language) and the theme choice.
#[component]
pub fn Settings() -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let languages = Lang::ALL.map(|l| {
        let href = move || state.route.get().with_lang(Some(l)).to_string();
        let on_click = move |ev: leptos::ev::MouseEvent| {
            if is_plain_click(&ev) {
                ev.prevent_default();
                state.set_lang(l);
            }
        };
        view! {
            <a
                class="lang-link"
                href=href
                hreflang=l.code()
                lang=l.code()
                aria-current=move || (lang.get() == l).then_some("true")
                on:click=on_click
            >
                {ui::lang_name(l)}
            </a>
        }
    });
    let on_theme = move |ev: leptos::ev::Event| {
        let value = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .map(|select| select.value());
        if let Some(theme) = value.as_deref().and_then(Theme::from_code) {
            state.set_theme(theme);
        }
    };
    view! {
        <div class="settings" role="group" aria-label=move || ui::SETTINGS.get(lang.get())>
            <nav class="lang-switch" aria-label=move || ui::LANGUAGE.get(lang.get())>
                {languages.into_iter().collect_view()}
            </nav>
            <label class="theme-choice">
                <span>{move || ui::THEME.get(lang.get())}</span>
                <select on:change=on_theme>
                    {Theme::ALL
                        .map(|t| {
                            view! {
                                <option value=t.code() selected=move || state.theme.get() == t>
                                    {move || ui::theme_name(t).get(lang.get())}
                                </option>
                            }
                        })
                        .into_iter()
                        .collect_view()}
                </select>
            </label>
        </div>
    }
}
