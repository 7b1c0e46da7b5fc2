//! The app's entry point in the browser (natively there is nothing to start: the build renders the page with
//! `src/bin/prerender.rs`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        web_infra_evolution::install_panic_hook();
        web_infra_evolution::start();
    }
}
