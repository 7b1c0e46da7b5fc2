//! Components in a real browser (headless Chromium via wasm-bindgen-test-runner): mount the app, click and
//! press keys as a reader would, then wait for what should follow. No test sleeps for a fixed time:
//! playback runs with a short step, and every wait is for a condition (failing with what was expected).
#![cfg(target_arch = "wasm32")]
#![recursion_limit = "512"]
#![allow(clippy::unwrap_used)] // a failed DOM call in a test should fail the test

mod browser;

use browser::*;
use leptos::prelude::{document, window};
use wasm_bindgen_test::*;
use web_infra_evolution::data::{Lang, SITE};
use web_infra_evolution::language::LANG_KEY;
use web_infra_evolution::strings;
use web_infra_evolution::theme::THEME_KEY;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn overview_shows_six_nodes_and_both_tables() {
    let root = mount_at("").await;
    assert_eq!(root.query_selector_all(".node").unwrap().length(), 6);
    // The tables themselves are rendered at build time (the app adopts them): here, their two regions.
    assert_eq!(
        root.query_selector_all(".diagram-table[role='region'], .summary-table[role='region']")
            .unwrap()
            .length(),
        2
    );
    assert!(exists(&root, ".overview:not([hidden])"));
    assert_eq!(active_gen(&root), None);
}

#[wasm_bindgen_test]
async fn clicking_a_node_shows_its_detail_and_writes_the_url() {
    let root = mount_at("").await;
    click(&root, ".node[data-gen='3']");
    until("generation 3 is shown", || {
        active_gen(&root).as_deref() == Some("3")
    })
    .await;
    let g = generation(3);
    let heading = text_of(&root, "#detail-heading").expect("detail heading");
    assert!(heading.contains(g.heading.ko), "{heading}");
    assert!(heading.contains(g.english_name), "{heading}");
    assert_eq!(hash(), "#/gen/3");
    assert!(
        document().title().starts_with(g.label.ko),
        "{}",
        document().title()
    );
    let chips = text_of(&root, ".chips").unwrap();
    for tech in g.technologies {
        assert!(chips.contains(tech), "{chips}");
    }
    // Moving on replaces the content: one heading, the new generation's.
    click(&root, ".node[data-gen='4']");
    until("generation 4's heading", || {
        text_of(&root, "#detail-heading").is_some_and(|h| h.contains(generation(4).heading.ko))
    })
    .await;
    assert_eq!(
        root.query_selector_all(".detail h2").unwrap().length(),
        1,
        "one heading in the detail"
    );
}

#[wasm_bindgen_test]
async fn clicking_a_table_row_selects_its_generation() {
    let root = mount_at("").await;
    click(&root, ".summary-table tbody tr:nth-child(5) td");
    until("generation 5 is shown", || {
        active_gen(&root).as_deref() == Some("5")
    })
    .await;
    assert!(exists(&root, ".summary-table tr.active[data-gen='5']"));
    assert!(exists(&root, ".diagram-table tr.active[data-gen='5']"));
    assert_eq!(root.query_selector_all("tr.active").unwrap().length(), 2);
    // A link in a row leads where it says, not to the row's generation.
    click(&root, ".summary-table tbody tr:nth-child(2) .chip a");
    until("the technology index is shown", || {
        hash() == "#/tech/VMware"
    })
    .await;
    assert_eq!(active_gen(&root), None);
    assert_eq!(root.query_selector_all("tr.active").unwrap().length(), 0);
}

/// Rows shaped like the prerendered tables' (`src/components/tables.rs`): a `tr[data-gen]` per generation, its
/// link in the first cell; one technology link.
const STAND_IN_TABLE: &str = r##"<table class="gen-table" style="min-width: 40rem"><tbody>
<tr data-gen="1"><th scope="row"><a href="#/gen/1">1</a></th><td>a</td></tr>
<tr data-gen="2"><th scope="row"><a href="#/gen/2">2</a></th><td><a class="tech" href="#/tech/Docker">Docker</a></td></tr>
<tr data-gen="3"><th scope="row"><a href="#/gen/3">3</a></th><td>c</td></tr>
<tr data-gen="4"><th scope="row"><a href="#/gen/4">4</a></th><td>d</td></tr>
<tr data-gen="5"><th scope="row"><a href="#/gen/5">5</a></th><td>e</td></tr>
<tr data-gen="6"><th scope="row"><a href="#/gen/6">6</a></th><td>f</td></tr>
</tbody></table>"##;

#[wasm_bindgen_test]
async fn keys_move_the_selection() {
    let root = mount_at("").await;
    for (key, expected) in [
        ("ArrowRight", Some("1")),
        ("ArrowRight", Some("2")),
        ("End", Some("6")),
        ("ArrowLeft", Some("5")),
        ("Home", Some("1")),
        ("4", Some("4")),
        ("Escape", None),
    ] {
        press(key);
        until(&format!("{key} leads to {expected:?}"), || {
            active_gen(&root).as_deref() == expected
        })
        .await;
    }
    assert!(exists(&root, ".overview:not([hidden])"));
}

#[wasm_bindgen_test]
async fn deep_link_opens_that_generation() {
    let root = mount_at("#/gen/6").await;
    assert_eq!(active_gen(&root).as_deref(), Some("6"));
    assert!(
        text_of(&root, "#detail-heading")
            .unwrap()
            .contains(generation(6).heading.ko)
    );
}

#[wasm_bindgen_test]
async fn bad_hash_shows_overview_and_a_notice() {
    for bad in ["#/gen/9", "#/gen/abc", "#%%%"] {
        let root = mount_at(bad).await;
        assert_eq!(active_gen(&root), None, "{bad}");
        assert!(exists(&root, ".overview:not([hidden])"), "{bad}");
        let notice = text_of(&root, ".notice").expect("notice");
        assert!(
            notice.contains(
                strings::bad_link(Lang::Ko, "", true)
                    .split('“')
                    .next()
                    .unwrap()
            ),
            "{notice}"
        );
        click(&root, ".notice-dismiss");
        until("the notice goes", || !exists(&root, ".notice")).await;
        assert_eq!(hash(), "#/");
    }
    // The language a bad link asks for survives dismissing its notice.
    let root = mount_at("#/gen/9?lang=en").await;
    assert_eq!(html_attr("lang").as_deref(), Some("en"));
    click(&root, ".notice-dismiss");
    until("the notice goes", || !exists(&root, ".notice")).await;
    assert_eq!(hash(), "#/?lang=en");
    assert_eq!(html_attr("lang").as_deref(), Some("en"));
}

#[wasm_bindgen_test]
async fn play_advances_to_the_end_and_pause_stops() {
    let root = mount_at("").await;
    click(&root, ".play-button");
    until("play starts at 1", || {
        active_gen(&root).as_deref() == Some("1")
    })
    .await;
    until("play advances to 2", || {
        active_gen(&root).as_deref() == Some("2")
    })
    .await;
    click(&root, ".play-button"); // pause
    a_while().await;
    assert_eq!(active_gen(&root).as_deref(), Some("2"), "pause stopped it");

    click(&root, ".play-button"); // on from 2, to the end
    until("play reaches 6", || {
        active_gen(&root).as_deref() == Some("6")
    })
    .await;
    until("play stops at the end", || {
        !exists(&root, ".play-button.playing")
    })
    .await;
    assert!(
        exists(&root, ".play-button.finished"),
        "the button offers to play again"
    );
    // Playback's steps replace the history entry; only the start pushed one.
    assert_eq!(hash(), "#/gen/6");
}

#[wasm_bindgen_test]
async fn the_readers_move_pauses_playback() {
    let root = mount_at("").await;
    click(&root, ".play-button");
    until("play starts", || active_gen(&root).as_deref() == Some("1")).await;
    press("4");
    until("the key moved to 4", || {
        active_gen(&root).as_deref() == Some("4")
    })
    .await;
    until("playback stopped", || {
        !exists(&root, ".play-button.playing")
    })
    .await;
    assert!(
        !exists(&root, ".play-button.finished"),
        "the button says Play, not Play again"
    );
    a_while().await;
    assert_eq!(active_gen(&root).as_deref(), Some("4"));
    // Reaching the end by keys is not "finished playing": the button still says Play.
    press("6");
    until("the key moved to 6", || {
        active_gen(&root).as_deref() == Some("6")
    })
    .await;
    assert!(
        !exists(&root, ".play-button.finished"),
        "the button says Play, not Play again"
    );
}

#[wasm_bindgen_test]
async fn language_switch_writes_the_link_and_is_saved() {
    let root = mount_at("#/gen/2").await;
    assert_eq!(html_attr("lang").as_deref(), Some("ko"));
    click(&root, ".lang-link[hreflang='en']");
    until("the language is English", || {
        html_attr("lang").as_deref() == Some("en")
    })
    .await;
    assert_eq!(hash(), "#/gen/2?lang=en");
    let g = generation(2);
    assert!(
        document().title().starts_with(g.label.en),
        "{}",
        document().title()
    );
    let heading = text_of(&root, "#detail-heading").unwrap();
    assert!(heading.contains(g.heading.en), "{heading}");
    assert!(
        !heading.contains('('),
        "no Korean-only gloss in English: {heading}"
    );
    assert_eq!(saved(LANG_KEY).as_deref(), Some("en"));
    // Moving on keeps the language in the link.
    press("ArrowRight");
    until("the link keeps the language", || {
        hash() == "#/gen/3?lang=en"
    })
    .await;
}

#[wasm_bindgen_test]
async fn without_a_saved_choice_the_browser_language_decides() {
    // Headless Chromium reports English.
    let root = mount_with("", &[]).await;
    until("English", || html_attr("lang").as_deref() == Some("en")).await;
    assert_eq!(
        text_of(&root, ".site-title").as_deref(),
        Some(SITE.title.en)
    );
}

#[wasm_bindgen_test]
async fn corrupted_saved_settings_fall_back_quietly() {
    let root = mount_with(
        "#/gen/1?lang=xx",
        &[(LANG_KEY, "{broken"), (THEME_KEY, "purple")],
    )
    .await;
    assert_eq!(active_gen(&root).as_deref(), Some("1"));
    assert!(!exists(&root, ".notice"), "an unknown lang is not an error");
    let select: web_sys::HtmlSelectElement = find(&root, ".theme-choice select");
    assert_eq!(select.value(), "system");
}

#[wasm_bindgen_test]
async fn theme_choice_sets_data_theme_and_is_saved() {
    let root = mount_at("").await;
    let select: web_sys::HtmlSelectElement = find(&root, ".theme-choice select");
    for choice in ["dark", "light"] {
        select.set_value(choice);
        // As the browser's own change event: it bubbles (the settings follow it on their group).
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        select
            .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
            .unwrap();
        until(&format!("data-theme={choice}"), || {
            html_attr("data-theme").as_deref() == Some(choice)
        })
        .await;
        assert_eq!(saved(THEME_KEY).as_deref(), Some(choice));
    }
}

#[wasm_bindgen_test]
async fn the_live_region_announces_the_new_generation_once() {
    let root = mount_at("").await;
    let live = || text_of(&root, "[aria-live=polite]").unwrap_or_default();
    a_while().await;
    assert_eq!(live(), "", "nothing is announced on load");
    press("3");
    let g = generation(3);
    let expected = format!("{}: {}", g.label.ko, g.node_title.ko);
    until("generation 3 is announced", || live() == expected).await;
}

#[wasm_bindgen_test]
async fn keyboard_focus_follows_the_reader() {
    let root = mount_at("#/gen/2").await;
    find::<HtmlElement>(&root, ".node[data-gen='2']")
        .focus()
        .unwrap();
    press("ArrowRight");
    until("focus moved to the new active node", || {
        focused(".node[data-gen='3']")
    })
    .await;

    // The detail's buttons stay in place while the generation changes: focus stays on "next".
    find::<HtmlElement>(&root, ".detail-next").focus().unwrap();
    click(&root, ".detail-next");
    until("generation 4", || active_gen(&root).as_deref() == Some("4")).await;
    a_while().await;
    assert!(focused(".detail-next"), "focus kept on the next button");
}

#[wasm_bindgen_test]
async fn focus_that_navigation_drops_goes_to_the_heading() {
    // "Next" becomes disabled at the last generation: focus goes to the detail's heading.
    let root = mount_at("#/gen/5").await;
    find::<HtmlElement>(&root, ".detail-next").focus().unwrap();
    press("End");
    until("focus on the detail heading after End", || {
        focused("#detail-heading")
    })
    .await;

    // "Previous" becomes disabled by Home.
    find::<HtmlElement>(&root, ".detail-prev").focus().unwrap();
    press("Home");
    until("focus on the detail heading after Home", || {
        focused("#detail-heading")
    })
    .await;

    // Esc while on a detail button removes the detail: focus goes to the overview's heading.
    find::<HtmlElement>(&root, ".detail-overview")
        .focus()
        .unwrap();
    press("Escape");
    until("focus on the overview heading after Esc", || {
        focused("#overview-heading")
    })
    .await;
    drop(root);

    // Dismissing the bad-link notice.
    let root = mount_at("#/nope").await;
    find::<HtmlElement>(&root, ".notice-dismiss")
        .focus()
        .unwrap();
    click(&root, ".notice-dismiss");
    until("focus on the overview heading after dismissing", || {
        focused("#overview-heading")
    })
    .await;
}

#[wasm_bindgen_test]
async fn playback_never_moves_focus() {
    let root = mount_at("").await;
    let play: HtmlElement = find(&root, ".play-button");
    play.focus().unwrap();
    play.click();
    until("play reaches 3", || {
        active_gen(&root).as_deref() == Some("3")
    })
    .await;
    assert!(focused(".play-button"));
}

#[wasm_bindgen_test]
async fn keys_in_a_table_that_scrolls_scroll_it() {
    let root = mount_at("#/gen/2").await;
    let region: HtmlElement = find(&root, ".summary-table");
    region.set_inner_html(STAND_IN_TABLE);
    // A narrow screen: the table is wider than its region, which scrolls sideways.
    region
        .set_attribute("style", "width: 120px; overflow-x: auto")
        .unwrap();
    assert!(region.scroll_width() > region.client_width(), "it scrolls");
    region.focus().unwrap();
    for key in ["ArrowRight", "ArrowLeft", "End", "Home"] {
        press(key);
        a_while().await;
        assert_eq!(
            active_gen(&root).as_deref(),
            Some("2"),
            "{key} left the generation alone"
        );
        if key == "End" {
            assert!(region.scroll_left() > 0, "End scrolled to the end");
        }
    }
    assert_eq!(region.scroll_left(), 0, "Home scrolled back to the start");
    // Where it doesn't scroll, the keys are the app's again.
    region.remove_attribute("style").unwrap();
    region.set_attribute("style", "width: 4000px").unwrap();
    press("ArrowRight");
    until("→ moved on", || active_gen(&root).as_deref() == Some("3")).await;
}

#[wasm_bindgen_test]
async fn back_after_the_browser_blurred_the_node_brings_focus_to_the_active_node() {
    let root = mount_at("#/gen/5").await;
    find::<HtmlElement>(&root, ".node[data-gen='5']")
        .focus()
        .unwrap();
    press("ArrowRight");
    until("focus came along to 6", || focused(".node[data-gen='6']")).await;
    // As Firefox does on Back/Forward: the focused node is blurred before the app sees the move.
    find::<HtmlElement>(&root, ".node[data-gen='6']")
        .blur()
        .unwrap();
    window().history().unwrap().back().unwrap();
    until("back on 5", || active_gen(&root).as_deref() == Some("5")).await;
    until("focus on the active node, not the page", || {
        focused(".node[data-gen='5']")
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_comparison_shows_its_columns_and_its_controls_change_it() {
    let root = mount_at("#/compare/4,2").await;
    until("the comparison's table", || exists(&root, ".compare-table")).await;
    assert!(exists(&root, ".compare:not([hidden])"));
    assert!(exists(&root, ".overview[hidden]") && exists(&root, ".detail[hidden]"));
    let columns: Vec<String> = (0..2)
        .map(|i| {
            find::<HtmlElement>(
                &root,
                &format!(".compare-table thead th[data-gen]:nth-of-type({})", i + 2),
            )
            .get_attribute("data-gen")
            .unwrap()
        })
        .collect();
    assert_eq!(columns, ["4", "2"], "the link's order");
    assert!(exists(&root, ".timeline-node.compared[data-gen='4']"));
    assert!(!exists(&root, ".timeline-node.compared[data-gen='3']"));
    // A checkbox adds a generation; "move left" reorders; both write the link.
    click(&root, ".compare-pick input[value='6']");
    until("6 is added", || hash() == "#/compare/4,2,6").await;
    click(&root, ".compare-table th[data-gen='2'] .compare-left");
    until("2 moved left", || hash() == "#/compare/2,4,6").await;
    assert!(
        document().title().contains("2세대, 4세대, 6세대"),
        "{}",
        document().title()
    );
}

/// Several generations picked on the timeline itself: Shift+click compares, adds and takes out.
#[wasm_bindgen_test]
async fn shift_click_on_the_timeline_picks_generations_to_compare() {
    let root = mount_at("#/gen/2").await;
    shift_click(&root, ".node[data-gen='5']");
    until("2 and 5 compared", || hash() == "#/compare/2,5").await;
    until("5 marked", || {
        exists(&root, ".timeline-node.compared[data-gen='5']")
    })
    .await;
    shift_click(&root, ".node[data-gen='3']");
    until("3 added", || hash() == "#/compare/2,5,3").await;
    shift_click(&root, ".node[data-gen='2']");
    until("2 taken out", || hash() == "#/compare/5,3").await;
    // A plain click still opens the one generation.
    click(&root, ".node[data-gen='3']");
    until("3 alone", || hash() == "#/gen/3").await;
}

#[wasm_bindgen_test]
async fn typing_a_search_marks_the_timeline_and_rides_in_the_link() {
    let root = mount_at("#/").await;
    let field: web_sys::HtmlInputElement = find(&root, "#search-field");
    field.set_value("컨테");
    field.dispatch_event(&bubbling("input")).unwrap();
    until("3 and 4 are found", || {
        exists(&root, ".timeline-node.found[data-gen='3']")
            && exists(&root, ".timeline-node.found[data-gen='4']")
    })
    .await;
    assert_eq!(
        root.query_selector_all(".timeline-node.dimmed")
            .unwrap()
            .length(),
        4
    );
    assert!(text_of(&root, ".search-results mark").is_some_and(|m| m == "컨테"));
    // The query goes into the link once typing pauses.
    until("the query is in the link", || {
        hash().ends_with("?q=%EC%BB%A8%ED%85%8C")
    })
    .await;
    // While an input method composes, nothing is searched.
    field.dispatch_event(&bubbling("compositionstart")).unwrap();
    field.set_value("컨테ㅇ");
    field.dispatch_event(&bubbling("input")).unwrap();
    a_while().await;
    assert!(
        hash().ends_with("?q=%EC%BB%A8%ED%85%8C"),
        "unchanged while composing: {}",
        hash()
    );
    field.set_value("컨테이");
    field.dispatch_event(&bubbling("compositionend")).unwrap();
    until("the composed syllable is searched", || {
        hash().ends_with("?q=%EC%BB%A8%ED%85%8C%EC%9D%B4")
    })
    .await;
}
