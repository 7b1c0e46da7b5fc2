//! The page's tools, at its foot: keyboard help, the presentation, copy link, share, cite, export. They are
//! rendered into the page at build time only (buttons and a dialog that never change): the wasm carries no view
//! of them, and `crate::actions` follows their clicks by their `data-action`.

use leptos::prelude::*;

/// The tools and the keyboard help dialog.
#[component]
pub fn Tools() -> impl IntoView {
    build::tools()
}

mod build {
    use leptos::prelude::*;

    use crate::data::Text;
    use crate::language::tr;
    use crate::nav::{SHORTCUTS, Scope};
    use crate::route::{Route, Slide, View};
    use crate::strings;

    /// The export buttons: `crate::actions` makes the file named by the action (`export-summary-csv`, …).
    const EXPORTS: &[(&str, Text)] = &[
        ("export-summary-csv", strings::EXPORT_SUMMARY_CSV),
        ("export-summary-md", strings::EXPORT_SUMMARY_MD),
        ("export-diagram-csv", strings::EXPORT_DIAGRAM_CSV),
        ("export-diagram-md", strings::EXPORT_DIAGRAM_MD),
        ("export-items-csv", strings::EXPORT_ITEMS_CSV),
        ("export-items-md", strings::EXPORT_ITEMS_MD),
        ("export-json", strings::EXPORT_JSON),
        ("export-svg", strings::EXPORT_SVG),
    ];

    /// A button whose click `crate::actions` answers.
    fn button(action: &'static str, label: Text) -> impl IntoView {
        view! { <button type="button" class="tool" data-action=action>{tr(label)}</button> }
    }

    pub fn tools() -> impl IntoView {
        let exports = EXPORTS.iter().map(|(action, label)| {
            view! { <li>{button(action, *label)}</li> }
        });
        view! {
            <footer class="site-footer">
                <h2 id="tools-heading" class="tools-heading">{tr(strings::TOOLS)}</h2>
                <div class="tools" role="group" aria-labelledby="tools-heading">
                    {button("help", strings::KEYS_HELP_BUTTON)}
                    <a class="tool" href=Route::to(View::Present(Slide::FIRST)).to_string()>{tr(strings::PRESENT_START)}</a>
                    {button("copy-link", strings::COPY_LINK)}
                    <button type="button" class="tool" data-action="share" hidden>{tr(strings::SHARE)}</button>
                    {button("cite", strings::CITE)}
                    {button("bibtex", strings::CITE_BIBTEX)}
                    {button("embed", strings::EMBED_CODE)}
                </div>
                <details class="export">
                    <summary>{tr(strings::EXPORT)}</summary>
                    <p class="export-note">{tr(strings::EXPORT_NOTE)}</p>
                    <label class="export-both">
                        <input type="checkbox" id="export-both" />
                        " "{tr(strings::EXPORT_BOTH)}
                    </label>
                    <ul class="export-list">{exports.collect_view()}</ul>
                </details>
                // A live region of its own (not role=status, which names the bad-link notice).
                <p id="tools-status" class="tools-status" aria-live="polite"></p>
                <div id="tools-manual" class="tools-manual" hidden>
                    <label for="tools-manual-text">{tr(strings::COPY_BY_HAND)}</label>
                    <textarea id="tools-manual-text" readonly rows="3"></textarea>
                </div>
                // In the embed only (the stylesheet shows it there): the same view in the full app, in a new tab.
                <a id="embed-full" class="embed-full" href="#/" target="_blank" rel="noopener">
                    {tr(strings::EMBED_FULL)}
                </a>
                {help()}
                // The presentation's own controls, for a mouse or a touch (the stylesheet shows them only there).
                <nav class="present-bar" aria-labelledby="present-bar-label">
                    <span id="present-bar-label" class="visually-hidden">{tr(strings::PRESENT)}</span>
                    {button("prev", strings::PREV_SLIDE)}
                    {button("next", strings::NEXT_SLIDE)}
                    {button("fullscreen", strings::FULLSCREEN)}
                    {button("overview", strings::PRESENT_EXIT)}
                </nav>
            </footer>
        }
    }

    /// The keyboard help: every shortcut of `nav::SHORTCUTS`, by where it works. A modal `<dialog>`: the browser
    /// moves focus into it, keeps it there, closes it on Esc and returns focus; its form closes it without script.
    fn help() -> impl IntoView {
        let group = |scope: Scope, title: Text| {
            let rows = SHORTCUTS.iter().filter(|s| s.scope == scope).map(|s| {
                view! { <dt><kbd>{s.shown}</kbd></dt><dd>{tr(s.what)}</dd> }
            });
            view! {
                <h3>{tr(title)}</h3>
                <dl class="keys-list">{rows.collect_view()}</dl>
            }
        };
        view! {
            <dialog id="keys-help" class="keys-help" aria-labelledby="keys-help-heading">
                <h2 id="keys-help-heading">{tr(strings::KEYS_HELP)}</h2>
                {group(Scope::Page, strings::KEYS_PAGE)}
                {group(Scope::Timeline, strings::KEYS_TIMELINE)}
                {group(Scope::Presentation, strings::KEYS_PRESENTATION)}
                <form method="dialog">
                    <button class="tool">{tr(strings::CLOSE)}</button>
                </form>
            </dialog>
        }
    }
}
