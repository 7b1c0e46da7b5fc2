//! The header's controls: language and theme.
//!
//! Like the timeline they are rendered into the page at build time only ([`build`]) and adopted as they are: the
//! app keeps their state (each language link's URL and `aria-current`, the theme chosen, the words that can't
//! be in both languages at once: the labels and the options) and follows their clicks and changes.

use leptos::prelude::*;

/// Language links (each a shareable URL in that language) and the theme choice.
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn Settings() -> impl IntoView {
    view! {
        <div class="settings" role="group" aria-label=crate::strings::SETTINGS.ko>
            {build::content()}
        </div>
    }
}

/// Keeps the controls' state, and follows a language link's click and the theme's change.
#[cfg(target_arch = "wasm32")]
pub fn adopt() {
    use wasm_bindgen::JsCast;

    use crate::components::{closest, elements, find, is_plain_click, listen, target};
    use crate::data::Lang;
    use crate::language::use_language;
    use crate::router::use_router;
    use crate::strings;
    use crate::theme::{Theme, use_theme};

    let router = use_router();
    let language = use_language();
    let theme = use_theme();
    let Some(root) = find(".settings") else {
        return;
    };
    crate::effect(move |_| {
        let (route, lang, chosen) = (router.route(), language.lang.get(), theme.theme.get());
        let _ = root.set_attribute("aria-label", strings::SETTINGS.get(lang));
        let all = |selector: &str| root.query_selector_all(selector).ok();
        for link in elements(all(".lang-link")) {
            let Some(l) = link
                .get_attribute("hreflang")
                .as_deref()
                .and_then(Lang::from_code)
            else {
                continue;
            };
            let _ = link.set_attribute("href", &route.with_lang(Some(l)).to_string());
            let _ = if l == lang {
                link.set_attribute("aria-current", "true")
            } else {
                link.remove_attribute("aria-current")
            };
        }
        if let Ok(Some(nav)) = root.query_selector(".lang-switch") {
            let _ = nav.set_attribute("aria-label", strings::LANGUAGE.get(lang));
        }
        for option in elements(all("option")) {
            if let Some(t) = option
                .get_attribute("value")
                .as_deref()
                .and_then(Theme::from_code)
            {
                option.set_text_content(Some(strings::theme_name(t).get(lang)));
            }
        }
        if let Some(select) = root
            .query_selector("select")
            .ok()
            .flatten()
            .and_then(|s| s.dyn_into::<web_sys::HtmlSelectElement>().ok())
        {
            select.set_value(chosen.code());
        }
    });
    listen("click", move |ev| {
        let Ok(ev) = ev.dyn_into::<web_sys::MouseEvent>() else {
            return;
        };
        if let Some(l) = target(&ev)
            .and_then(|el| closest(&el, ".settings .lang-link"))
            .and_then(|link| link.get_attribute("hreflang"))
            .as_deref()
            .and_then(Lang::from_code)
            && is_plain_click(&ev)
        {
            ev.prevent_default();
            language.set(l);
        }
    });
    listen("change", move |ev| {
        if let Some(choice) = target(&ev)
            .filter(|el| closest(el, ".settings").is_some())
            .and_then(|el| el.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .and_then(|select| Theme::from_code(&select.value()))
        {
            theme.set(choice);
        }
    });
}

/// The controls as the page starts: Korean, the system's theme (rendered at build time).
#[cfg(not(target_arch = "wasm32"))]
mod build {
    use leptos::prelude::*;

    use crate::data::Lang;
    use crate::language::tr;
    use crate::route::Route;
    use crate::strings;
    use crate::theme::Theme;

    pub fn content() -> impl IntoView {
        let languages = Lang::ALL.map(|l| {
            view! {
                <a
                    class="lang-link"
                    href=Route::OVERVIEW.with_lang(Some(l)).to_string()
                    hreflang=l.code()
                    lang=l.code()
                    aria-current=(l == Lang::Ko).then_some("true")
                >
                    {strings::lang_name(l)}
                </a>
            }
        });
        let options = Theme::ALL.map(|t| {
            view! {
                <option value=t.code() selected=t == Theme::default()>{strings::theme_name(t).ko}</option>
            }
        });
        let sizes = Theme::ALL.map(|t| {
            let name = strings::theme_name(t);
            view! { <span>{name.ko}</span><span>{name.en}</span> }
        });
        view! {
            <nav class="lang-switch" aria-label=strings::LANGUAGE.ko>
                {languages.into_iter().collect_view()}
            </nav>
            <label class="theme-choice">
                <span>{tr(strings::THEME)}</span>
                <span class="theme-select">
                    <select>{options.into_iter().collect_view()}</select>
                    // The select's options can be in one language only (the app writes them in the reader's
                    // once it runs): every option in both languages sizes the select, so the header never moves
                    // when they change (no layout shift for an English reader).
                    <span class="theme-sizer" aria-hidden="true">
                        {sizes.into_iter().collect_view()}
                    </span>
                </span>
            </label>
        }
    }
}
