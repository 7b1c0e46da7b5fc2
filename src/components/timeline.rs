//! The flowchart, alive: six nodes in two rows, arrows between them, playback and progress.

use leptos::html::A;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::is_plain_click;
use crate::data::{COUNT, GENERATIONS, Generation, GenerationId, SITE, row_of};
use crate::language::{tr, tr_attr, tr_with, use_lang};
use crate::nav::PlayState;
use crate::playback::{Playback, use_playback};
use crate::route::{Route, View};
use crate::router::use_router;
use crate::strings;

/// The timeline of the six generations with its play/pause control and progress indicator.
/// Space toggles playback while focus is inside it (but not on a button, where Space presses the button).
#[component]
pub fn Timeline() -> impl IntoView {
    let playback = use_playback();
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let on_button = ev
            .target()
            .is_some_and(|t| t.has_type::<web_sys::HtmlButtonElement>());
        if ev.key() == " " && !on_button && !ev.repeat() {
            ev.prevent_default();
            play_or_pause(playback);
        }
    };
    let rows = SITE.rows.iter().enumerate().map(|(row, name)| {
        let label_id = format!("timeline-row-{}", row + 1);
        let nodes = GENERATIONS
            .iter()
            .filter(|g| row_of(g.id) == row)
            .map(|g| view! { <Node generation=g /> })
            .collect_view();
        view! {
            <li class="timeline-row">
                <span class="timeline-row-label" id=label_id.clone()>{tr(*name)}</span>
                <ol class="timeline-nodes" aria-labelledby=label_id>{nodes}</ol>
                {(row + 1 < SITE.rows.len()).then(|| view! { <Arrow class="row-arrow" /> })}
            </li>
        }
    });
    view! {
        <section class="timeline" aria-labelledby="timeline-heading" on:keydown=on_keydown>
            <h2 id="timeline-heading" class="visually-hidden">{tr(strings::TIMELINE)}</h2>
            <div class="timeline-bar">
                <PlayButton />
                <Progress />
            </div>
            <ol class="timeline-rows">{rows.collect_view()}</ol>
        </section>
    }
}

/// One generation's node: a link to its deep link, lifted while active. When the reader moves with the
/// keys while another node has focus, focus comes along to this one as it becomes active.
#[component]
fn Node(generation: &'static Generation) -> impl IntoView {
    let router = use_router();
    let id = generation.id;
    let is_active = move || router.active.get() == Some(id);
    let is_passed = move || router.active.get().is_some_and(|a| id < a);
    let link = NodeRef::<A>::new();
    crate::effect(move |_| {
        if is_active()
            && let Some(link) = link.get_untracked()
            && document()
                .active_element()
                .is_some_and(|el| !link.is_same_node(Some(&el)) && el.class_list().contains("node"))
        {
            let _ = link.focus();
        }
    });
    // Shift+click (and Shift+Enter, which clicks a link) picks the node to compare instead: see `View::picking`.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let picking =
            ev.shift_key() && ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.alt_key());
        if is_plain_click(&ev) || picking {
            ev.prevent_default();
            router.go(if picking {
                router.view.get_untracked().picking(id)
            } else {
                View::Generation(id)
            });
            crate::focus::reveal_detail(true);
        }
    };
    let next = id.next();
    let last_in_row = next.is_none_or(|next| row_of(next) != row_of(id));
    let leads_to_id = format!("leads-to-{id}");
    view! {
        <li
            class="timeline-node"
            class:active=is_active
            class:passed=is_passed
            class:compared=move || router.view.get().compare().is_some_and(|s| s.contains(id))
            data-gen=id.get()
        >
            <a
                class="node"
                href=Route::generation(id).to_string()
                data-gen=id.get()
                aria-current=move || is_active().then_some("step")
                aria-describedby=next.map(|_| leads_to_id.clone())
                on:click=on_click
                node_ref=link
            >
                <span class="node-emoji" aria-hidden="true">{generation.emoji}</span>
                <span class="node-label">{tr(generation.label)}</span>
                <span class="node-title">{tr(generation.node_title)}</span>
                <span class="node-subtitle">{tr(generation.node_subtitle)}</span>
            </a>
            {next.map(|next| view! {
                <span class="visually-hidden" id=leads_to_id.clone()>{tr_with(&|lang| strings::leads_to(lang, next))}</span>
            })}
            {(!last_in_row).then(|| view! { <Arrow class="node-arrow" /> })}
        </li>
    }
}

/// A decorative arrow that draws itself (stroke-dashoffset) when the timeline first appears.
#[component]
fn Arrow(class: &'static str) -> impl IntoView {
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
#[component]
fn PlayButton() -> impl IntoView {
    let playback = use_playback();
    let state = playback.state;
    view! {
        <button
            type="button"
            class="play-button"
            class:playing=move || state.get() == PlayState::Playing
            class:finished=move || state.get() == PlayState::Finished
            on:click=move |_| play_or_pause(playback)
        >
            <span class="play-icon" aria-hidden="true"></span>
            <span class="play-labels">
                <span class="play-label">{tr(strings::PLAY)}</span>
                <span class="pause-label">{tr(strings::PAUSE)}</span>
                <span class="again-label">{tr(strings::PLAY_AGAIN)}</span>
            </span>
        </button>
    }
}

/// Toggles playback; when it starts, the detail comes into view (the steps after that leave the page alone).
fn play_or_pause(playback: Playback) {
    playback.toggle();
    if playback.state.get_untracked() == PlayState::Playing {
        crate::focus::reveal_detail(false);
    }
}

/// Where along the six the reader is, as a bar and as words.
#[component]
fn Progress() -> impl IntoView {
    let router = use_router();
    let lang = use_lang();
    let now = move || router.active.get().map_or(0, GenerationId::get);
    view! {
        <div
            class="progress"
            data-progress=now
            role="progressbar"
            aria-valuemin="0"
            aria-valuemax=COUNT
            aria-valuenow=now
            aria-valuetext=move || strings::progress(lang.get(), router.active.get())
            aria-label=tr_attr(strings::TIMELINE)
        >
            <span class="progress-track">
                <span class="progress-fill"></span>
            </span>
            <span class="progress-text" aria-hidden="true">
                {move || format!("{} / {COUNT}", now())}
            </span>
        </div>
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
