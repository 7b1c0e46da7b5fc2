//! Memory over long use, in a browser of its own: a thousand changes of generation make Chromium throttle
//! the history API for a while, which would disturb the tests in tests/app.rs.
#![cfg(target_arch = "wasm32")]
#![recursion_limit = "512"]
#![allow(clippy::unwrap_used)]

mod browser;

use browser::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn memory_stays_flat_while_the_generation_changes() {
    use web_infra_evolution::allocator::bytes_in_use;
    const CHANGES: usize = 1_000;
    /// Issue 10's budget is 64 KB of wasm memory per 1,000 changes; counted allocation by allocation, the app
    /// keeps far less than that: anything over 4 KB (4 bytes a change) is a leak.
    const BUDGET: usize = 4 * 1024;
    let root = mount_at("").await;
    let keys = ["1", "2", "3", "4", "5", "6", "Escape"];
    // Warm-up: every view built once, the reactive graph's slots and the allocator's bins in use.
    for key in keys.repeat(10) {
        press(key);
        leptos::task::tick().await;
    }
    a_while().await;
    let before = bytes_in_use();
    for i in 0..CHANGES {
        press(keys[i % keys.len()]);
        leptos::task::tick().await;
    }
    a_while().await;
    let last = keys[(CHANGES - 1) % keys.len()];
    let expected = (last != "Escape").then_some(last);
    assert_eq!(
        active_gen(&root).as_deref(),
        expected,
        "every change was made"
    );
    let grown = bytes_in_use().saturating_sub(before);
    assert!(
        grown <= BUDGET,
        "{grown} bytes more in use after {CHANGES} changes (budget {BUDGET})"
    );
}
