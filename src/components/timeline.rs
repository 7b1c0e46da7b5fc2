//! The flowchart, alive: six nodes in two rows, arrows between them, playback and progress.

use leptos::prelude::*;

use crate::components::is_plain_click;
use crate::data::{GENERATIONS, Generation, GenerationId, SITE, row_of};
use crate::route::Route;
use crate::state::use_app_state;
use crate::ui;

/// The timeline of the six generations with its play/pause control and progress indicator.
/// Space toggles playback while focus is inside it.
#[component]
pub fn Timeline() -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let on_button = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok())
            .is_some_and(|el| el.tag_name().eq_ignore_ascii_case("button"));
        if ev.key() == " " && !on_button && !ev.repeat() {
            ev.prevent_default();
            state.toggle_play();
        }
    };
    // Moving with the arrow keys while a node has focus takes the focus along to the new active node.
    Effect::new(move |_| {
        let Some(id) = state.active.get() else { return };
        let on_a_node = document()
            .active_element()
            .is_some_and(|el| el.class_list().contains("node"));
        if on_a_node
            && let Ok(Some(node)) =
                document().query_selector(&format!(".timeline .node[data-gen='{id}']"))
            && let Ok(node) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(node)
        {
            let _ = node.focus();
        }
    });
    let rows = SITE.rows.iter().enumerate().map(|(row, name)| {
        let label_id = format!("timeline-row-{}", row + 1);
        let nodes = GENERATIONS
            .iter()
            .filter(|g| row_of(g.id) == row)
            .map(|g| view! { <Node generation=g /> })
            .collect_view();
        view! {
            <li class="timeline-row">
                <span class="timeline-row-label" id=label_id.clone()>{move || name.get(lang.get())}</span>
                <ol class="timeline-nodes" aria-labelledby=label_id.clone()>{nodes}</ol>
                {(row + 1 < SITE.rows.len()).then(|| view! { <Arrow class="row-arrow" /> })}
            </li>
        }
    });
    view! {
        <section class="timeline" aria-labelledby="timeline-heading" on:keydown=on_keydown>
            <h2 id="timeline-heading" class="visually-hidden">{move || ui::TIMELINE.get(lang.get())}</h2>
            <div class="timeline-bar">
                <PlayButton />
                <Progress />
            </div>
            <ol class="timeline-rows">{rows.collect_view()}</ol>
        </section>
    }
}

/// One generation's node: a link to its deep link, lifted while active.
#[component]
fn Node(generation: &'static Generation) -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let id = generation.id;
    let is_active = move || state.active.get() == Some(id);
    let is_passed = move || state.active.get().is_some_and(|a| id < a);
    let href = Route::generation(id).to_string();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if is_plain_click(&ev) {
            ev.prevent_default();
            state.navigate(Some(id));
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
            data-gen=id.get()
        >
            <a
                class="node"
                href=href
                data-gen=id.get()
                aria-current=move || is_active().then_some("step")
                aria-describedby=next.map(|_| leads_to_id.clone())
                on:click=on_click
            >
                <span class="node-emoji" aria-hidden="true">{generation.emoji}</span>
                <span class="node-label">{move || generation.label.get(lang.get())}</span>
                <span class="node-title">{move || generation.node_title.get(lang.get())}</span>
                <span class="node-subtitle">{move || generation.node_subtitle.get(lang.get())}</span>
            </a>
            {next.map(|next| view! {
                <span class="visually-hidden" id=leads_to_id.clone()>{move || ui::leads_to(lang.get(), next)}</span>
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

/// Play / pause. At the last generation it offers to play again from the first.
#[component]
fn PlayButton() -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let label = move || {
        let text = if state.playing.get() {
            ui::PAUSE
        } else if state.active.get() == Some(GenerationId::LAST) {
            ui::PLAY_AGAIN
        } else {
            ui::PLAY
        };
        text.get(lang.get())
    };
    view! {
        <button
            type="button"
            class="play-button"
            class:playing=move || state.playing.get()
            on:click=move |_| state.toggle_play()
        >
            <span class="play-icon" aria-hidden="true"></span>
            <span class="play-label">{label}</span>
        </button>
    }
}

/// Where along the six the reader is, as a bar and as words.
#[component]
fn Progress() -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let now = move || state.active.get().map_or(0, GenerationId::get);
    view! {
        <div
            class="progress"
            data-progress=now
            role="progressbar"
            aria-valuemin="0"
            aria-valuemax=crate::data::COUNT
            aria-valuenow=now
            aria-valuetext=move || ui::progress(lang.get(), state.active.get())
            aria-label=move || ui::TIMELINE.get(lang.get())
        >
            <span class="progress-track">
                <span class="progress-fill"></span>
            </span>
            <span class="progress-text" aria-hidden="true">
                {move || format!("{} / {}", now(), crate::data::COUNT)}
            </span>
        </div>
    }
}
