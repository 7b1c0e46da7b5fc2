//! A polite notice for a link the app could not understand.

use leptos::prelude::*;

use crate::state::use_app_state;
use crate::ui;

/// Shown while the URL fragment is not one of ours; the overview is shown meanwhile.
/// "Dismiss" replaces the bad fragment with the overview's, so a reload is clean too.
#[component]
pub fn BadLinkNotice() -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    move || {
        state.parsed.get().err().map(|err| {
            view! {
                <div class="notice" role="status">
                    <p class="notice-text">{move || ui::bad_link(lang.get(), &err.excerpt)}</p>
                    <button type="button" class="notice-dismiss" on:click=move |_| state.clear_bad_link()>
                        {move || ui::DISMISS.get(lang.get())}
                    </button>
                </div>
            }
        })
    }
}
