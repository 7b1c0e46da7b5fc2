//! The flowchart, alive: six nodes in two rows, arrows between them, playback and progress.

#[cfg(not(target_arch = "wasm32"))]
use leptos::prelude::*;

/// The timeline of the six generations with its play/pause control and progress indicator.
///
/// Its markup never changes but for which node is active, passed or compared, the play button's state and the
/// progress: like the tables it is rendered into the page at build time ([`build`]) and the app adopts it as it
/// is (`adopt`), marking those states on it (the Leptos view of the nodes cost the wasm 6 KB of brotli'd code,
/// paid at every first load).
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn Timeline() -> impl IntoView {
    view! { <section class="timeline" aria-labelledby="timeline-heading">{build::content()}</section> }
}

/// The timeline in the browser: the page's markup adopted as it is.
#[cfg(target_arch = "wasm32")]
mod browser {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    use crate::components::{closest, find, is_plain_click, listen, target, with_gen};
    use crate::data::{COUNT, GenerationId};
    use crate::language::use_lang;
    use crate::nav::PlayState;
    use crate::playback::{Playback, use_playback};
    use crate::route::View;
    use crate::router::{Router, use_router};
    use crate::strings;

    /// Marks the nodes, the play button and the progress, and follows the timeline's clicks and Space: Space toggles
    /// playback while focus is inside it (but not on a button, where Space presses the button, nor in the
    /// presentation, whose Space moves the slides).
    pub fn adopt() {
        let router = use_router();
        let playback = use_playback();
        let lang = use_lang();
        mark_nodes(router);
        // The play button's label (all three are in it; the stylesheet shows one by its class) and the progress.
        let button = find(".play-button");
        crate::effect(move |_| {
            let state = playback.state.get();
            if let Some(button) = &button {
                let list = button.class_list();
                let _ = list.toggle_with_force("playing", state == PlayState::Playing);
                let _ = list.toggle_with_force("finished", state == PlayState::Finished);
            }
        });
        let (progress, text) = (find(".progress"), find(".progress-text"));
        crate::effect(move |_| {
            let active = router.active();
            let now = active.map_or(0, GenerationId::get).to_string();
            if let Some(progress) = &progress {
                let _ = progress.set_attribute("data-progress", &now);
                let _ = progress.set_attribute("aria-valuenow", &now);
                let lang = lang.get();
                let _ = progress.set_attribute("aria-valuetext", &strings::progress(lang, active));
                let _ = progress.set_attribute("aria-label", strings::TIMELINE.get(lang));
            }
            if let Some(text) = &text {
                text.set_text_content(Some(&format!("{now} / {COUNT}")));
            }
        });
        listen("keydown", move |ev| {
            let Ok(ev) = ev.dyn_into::<web_sys::KeyboardEvent>() else {
                return;
            };
            let Some(el) = target(&ev).filter(|el| closest(el, ".timeline").is_some()) else {
                return;
            };
            let on_button = el.has_type::<web_sys::HtmlButtonElement>();
            // In the presentation Space is the slides' (`crate::keys`), not the generations' playback.
            let presenting = router.view.get_untracked().slide().is_some();
            if ev.key() == " " && !on_button && !ev.repeat() && !presenting {
                ev.prevent_default();
                play_or_pause(playback);
            }
        });
        // A node's link: a plain click shows its generation; Shift+click (and Shift+Enter, which clicks a link) picks
        // it to compare instead (see `View::picking`). The play button plays or pauses.
        listen("click", move |ev| {
            let Ok(ev) = ev.dyn_into::<web_sys::MouseEvent>() else {
                return;
            };
            let Some(el) = target(&ev).filter(|el| closest(el, ".timeline").is_some()) else {
                return;
            };
            if closest(&el, ".play-button").is_some() {
                play_or_pause(playback);
                return;
            }
            let Some(id) =
                closest(&el, "a.node[data-gen]").and_then(|link| crate::components::gen_of(&link))
            else {
                return;
            };
            let picking = ev.shift_key()
                && ev.button() == 0
                && !(ev.ctrl_key() || ev.meta_key() || ev.alt_key());
            if is_plain_click(&ev) || picking {
                ev.prevent_default();
                router.go(if picking {
                    router.view.get_untracked().picking(id)
                } else {
                    View::Generation(id)
                });
                crate::focus::reveal_detail(true);
            }
        });
    }

    /// Marks each node active, passed or compared (and its link `aria-current="step"`); when the reader moves with
    /// the keys while another node has focus, focus comes along to the node that becomes active.
    fn mark_nodes(router: Router) {
        crate::effect(move |_| {
            let view = router.view.get();
            let active = view.generation();
            let compared = view.compare();
            let nodes = document()
                .query_selector_all(".timeline-node[data-gen]")
                .ok();
            let focused = document().active_element();
            for (node, id) in with_gen(nodes) {
                let Some(id) = id else { continue };
                let list = node.class_list();
                let is_active = active == Some(id);
                let _ = list.toggle_with_force("active", is_active);
                let _ = list.toggle_with_force("passed", active.is_some_and(|a| id < a));
                let _ =
                    list.toggle_with_force("compared", compared.is_some_and(|s| s.contains(id)));
                let Some(link) = node
                    .first_element_child()
                    .and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok())
                else {
                    continue;
                };
                if is_active {
                    let _ = link.set_attribute("aria-current", "step");
                    if focused.as_ref().is_some_and(|el| {
                        !link.is_same_node(Some(el)) && el.class_list().contains("node")
                    }) {
                        let _ = link.focus();
                    }
                } else {
                    let _ = link.remove_attribute("aria-current");
                }
            }
        });
    }

    /// Toggles playback; when it starts, the detail comes into view (the steps after that leave the page alone).
    fn play_or_pause(playback: Playback) {
        playback.toggle();
        if playback.state.get_untracked() == PlayState::Playing {
            crate::focus::reveal_detail(false);
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::adopt;

/// The timeline's markup, as the page starts: the overview, nothing playing (rendered at build time).
#[cfg(not(target_arch = "wasm32"))]
mod build {
    use leptos::prelude::*;

    use crate::data::{COUNT, GENERATIONS, Generation, Lang, SITE, row_of};
    use crate::language::{tr, tr_with};
    use crate::route::Route;
    use crate::strings;

    pub fn content() -> impl IntoView {
        let rows = SITE.rows.iter().enumerate().map(|(row, name)| {
            let label_id = format!("timeline-row-{}", row + 1);
            let nodes = GENERATIONS
                .iter()
                .filter(|g| row_of(g.id) == row)
                .map(node)
                .collect_view();
            view! {
                <li class="timeline-row">
                    <span class="timeline-row-label" id=label_id.clone()>{tr(*name)}</span>
                    <ol class="timeline-nodes" aria-labelledby=label_id>{nodes}</ol>
                    {(row + 1 < SITE.rows.len()).then(|| arrow("row-arrow"))}
                </li>
            }
        });
        view! {
            <h2 id="timeline-heading" class="visually-hidden">{tr(strings::TIMELINE)}</h2>
            <div class="timeline-bar">
                {play_button()}
                {progress()}
            </div>
            <ol class="timeline-rows">{rows.collect_view()}</ol>
        }
    }

    /// One generation's node: a link to its deep link.
    fn node(generation: &'static Generation) -> impl IntoView {
        let id = generation.id;
        let next = id.next();
        let last_in_row = next.is_none_or(|next| row_of(next) != row_of(id));
        let leads_to_id = format!("leads-to-{id}");
        view! {
            <li class="timeline-node" data-gen=id.get()>
                <a
                    class="node"
                    href=Route::generation(id).to_string()
                    data-gen=id.get()
                    aria-describedby=next.map(|_| leads_to_id.clone())
                >
                    <span class="node-emoji" aria-hidden="true">{generation.emoji}</span>
                    <span class="node-label">{tr(generation.label)}</span>
                    <span class="node-title">{tr(generation.node_title)}</span>
                    <span class="node-subtitle">{tr(generation.node_subtitle)}</span>
                </a>
                {next.map(|next| view! {
                    <span class="visually-hidden" id=leads_to_id.clone()>{tr_with(&|lang| strings::leads_to(lang, next))}</span>
                })}
                {(!last_in_row).then(|| arrow("node-arrow"))}
            </li>
        }
    }

    /// A decorative arrow that draws itself (stroke-dashoffset) when the timeline first appears.
    fn arrow(class: &'static str) -> impl IntoView {
        view! {
            <svg class=format!("arrow {class}") viewBox="0 0 48 16" aria-hidden="true" focusable="false">
                <path class="arrow-line" d="M2 8H38" pathLength="1" />
                <path class="arrow-head" d="M36 2.5 46 8 36 13.5z" />
            </svg>
        }
    }

    /// Play / pause; after playing to the end, "play again". The three labels are all in the button, one shown
    /// (the stylesheet picks it by the button's class): the button is as wide as its widest label, so it never
    /// changes width, and the progress bar beside it never moves.
    fn play_button() -> impl IntoView {
        view! {
            <button type="button" class="play-button">
                <span class="play-icon" aria-hidden="true"></span>
                <span class="play-labels">
                    <span class="play-label">{tr(strings::PLAY)}</span>
                    <span class="pause-label">{tr(strings::PAUSE)}</span>
                    <span class="again-label">{tr(strings::PLAY_AGAIN)}</span>
                </span>
            </button>
        }
    }

    /// Where along the six the reader is, as a bar and as words (the overview: none yet).
    fn progress() -> impl IntoView {
        view! {
            <div
                class="progress"
                data-progress="0"
                role="progressbar"
                aria-valuemin="0"
                aria-valuemax=COUNT
                aria-valuenow="0"
                aria-valuetext=strings::progress(Lang::Ko, None)
                aria-label=strings::TIMELINE.ko
            >
                <span class="progress-track">
                    <span class="progress-fill"></span>
                </span>
                <span class="progress-text" aria-hidden="true">{format!("0 / {COUNT}")}</span>
            </div>
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::data::COUNT;

    /// `style/timeline.css` draws the progress bar with one rule per step, as a fraction of [`COUNT`]:
    /// the stylesheet must have exactly the steps the app can be at.
    #[test]
    fn the_stylesheet_has_one_progress_rule_per_step() {
        let css = include_str!("../../style/timeline.css");
        let rule = |n: usize| format!(".progress[data-progress=\"{n}\"] .progress-fill");
        for n in 0..=COUNT {
            let at = css
                .find(&rule(n))
                .unwrap_or_else(|| panic!("no rule for step {n}"));
            let line = css[at..].lines().next().unwrap_or_default();
            let expected = match n {
                0 => "scaleX(0)".to_owned(),
                n if n == COUNT => "scaleX(1)".to_owned(),
                n => format!("scaleX(calc({n} / {COUNT}))"),
            };
            assert!(line.contains(&expected), "step {n}: {line}");
        }
        assert!(
            !css.contains(&rule(COUNT + 1)),
            "a rule for a step that does not exist"
        );
    }
}
