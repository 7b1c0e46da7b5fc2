//! A polite notice for a link the app could not understand.

use leptos::prelude::*;

use crate::language::{tr, tr_with};
use crate::route::View;
use crate::router::use_router;
use crate::strings;

/// Shown while the URL fragment is not one of ours; the view nearest to it is shown meanwhile.
/// "Dismiss" replaces the bad fragment with the overview's, so a reload is clean too.
#[component]
pub fn BadLinkNotice() -> impl IntoView {
    let router = use_router();
    move || {
        router.parsed.get().err().map(|err| {
            view! {
                <div class="notice" role="status">
                    <p class="notice-text">{tr_with(&|lang| strings::bad_link(lang, &err.excerpt, err.fallback == View::Overview))}</p>
                    <button type="button" class="notice-dismiss" on:click=move |_| router.clear_bad_link()>
                        {tr(strings::DISMISS)}
                    </button>
                </div>
            }
        })
    }
}
